package org.jvirt.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.Credential;
import org.jvirt.api.CredentialType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The shell's answer to a driver asking for credentials, as virsh answers through libvirt's default callback: the
 * driver's prompt and ": " on the output, a line read for names, echo prompts and realms, a line read without echo
 * for pass phrases; an empty answer (or the end of the input) takes the credential's default, else "". A PolicyKit
 * request is let through (the user may have authorised already); any other external one fails.
 */
final class ConsoleAuth implements ConnectAuth {
    /** Where the answers come from: the console's own input, which changes once its prompt reads it. */
    interface Lines {
        /** The next line without its end, or null at the end of the input; {@code echo} false for secrets. */
        String read(boolean echo) throws IOException;
    }

    private final PrintStream out;
    private volatile Lines lines;

    ConsoleAuth(PrintStream out, Lines lines) {
        this.out = out;
        this.lines = lines;
    }

    /** Answers from {@code lines} from now on (the console's prompt took its input over). */
    void readFrom(Lines lines) {
        this.lines = lines;
    }

    @Override
    public Set<CredentialType> supportedTypes() {
        return EnumSet.of(CredentialType.AUTHNAME, CredentialType.ECHOPROMPT, CredentialType.REALM,
                CredentialType.PASSPHRASE, CredentialType.NOECHOPROMPT, CredentialType.EXTERNAL);
    }

    @Override
    public void request(List<Credential> credentials) {
        for (Credential c : credentials) {
            String answer;
            switch (c.type()) {
                case EXTERNAL -> {
                    if (!"PolicyKit".equals(c.challenge())) {
                        throw refused(c);
                    }
                    continue;
                }
                case USERNAME, AUTHNAME, ECHOPROMPT, REALM -> answer = ask(c, true);
                case PASSPHRASE, NOECHOPROMPT -> answer = ask(c, false);
                default -> throw refused(c);
            }
            c.setResult(answer == null || answer.isEmpty()
                    ? (c.defaultResult() != null ? c.defaultResult() : "") : answer);
        }
    }

    private String ask(Credential c, boolean echo) {
        out.print(c.prompt() + ": ");
        out.flush();
        try {
            return lines.read(echo);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.NONE,
                    "authentication failed: cannot read the answer to '" + c.prompt() + "': " + e.getMessage());
        }
    }

    private static VirtException refused(Credential c) {
        return new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.NONE,
                "authentication failed: the shell cannot answer a " + c.type().libvirtName() + " credential");
    }

    /**
     * Lines read byte by byte from {@code in}, so that nothing after the line is taken from whoever reads next;
     * secrets through the system console without echo when {@code in} is its terminal.
     */
    static Lines unbuffered(InputStream in, boolean terminal) {
        return echo -> {
            java.io.Console console = System.console();
            if (!echo && terminal && in == System.in && console != null) {
                char[] secret = console.readPassword();
                return secret == null ? null : new String(secret);
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return line.toString(StandardCharsets.UTF_8);
        };
    }
}
