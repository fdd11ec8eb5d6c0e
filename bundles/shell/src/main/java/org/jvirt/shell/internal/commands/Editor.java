package org.jvirt.shell.internal.commands;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TerminalAccess;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The *-edit commands' cycle, as virsh's virsh-edit.c runs it: the object's XML into a temporary file, $VISUAL or
 * $EDITOR (else vi) on it, the file read back; unchanged, the caller's "not changed" message; changed, the XML read
 * again (someone else may have changed it meanwhile) and defined. When that fails at a terminal the user is asked
 * "Try again? [y,n,i,f,?]" as virsh asks; elsewhere the edit fails (virsh would report success there, see
 * docs/shell.md).
 */
final class Editor {
    private static final Logger LOG = LoggerFactory.getLogger(Editor.class);
    /** What an editor's name may hold to be run directly rather than through sh (vshEditFile). */
    private static final String ACCEPTED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/_.:@";

    /** Defines the edited document; fails with the driver's error. */
    @FunctionalInterface
    interface Definer {
        void define(String xml);
    }

    /** Defines the edited document, knowing the one that was edited. */
    @FunctionalInterface
    interface DocDefiner {
        void define(String original, String edited);
    }

    private final CommandContext ctx;
    private Runnable relax;

    Editor(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** What the 'i' answer does (turn validation off), for the commands that validate (edit). */
    Editor relax(Runnable relaxValidation) {
        this.relax = relaxValidation;
        return this;
    }

    /**
     * Runs the cycle. Returns true when the object was defined again, false when the document came back unchanged
     * (the caller prints its "not changed" message).
     */
    boolean edit(Supplier<String> getXml, Definer define) {
        return edit(getXml, (doc, xml) -> define.define(xml), false);
    }

    /**
     * As {@link #edit(Supplier, Definer)}; with {@code defineUnchanged} an unchanged document is defined again
     * too (snapshot-edit --current).
     */
    boolean edit(Supplier<String> getXml, DocDefiner define, boolean defineUnchanged) {
        String doc = getXml.get();
        Path tmp = writeTemp(doc);
        boolean relaxAvailable = relax != null;
        try {
            while (true) {
                runEditor(tmp);
                String edited = readBack(tmp);
                boolean unchanged = edited.equals(doc);
                if (unchanged && !defineUnchanged) {
                    return false;
                }
                while (true) {
                    String message = null;
                    VirtException failure = null;
                    String reread = getXml.get();
                    if (!reread.equals(doc)) {
                        message = "The XML configuration was changed by another user.";
                        doc = reread;
                    } else {
                        try {
                            define.define(doc, edited);
                            return true;
                        } catch (VirtException e) {
                            message = "Failed.";
                            failure = e;
                        }
                    }
                    int answer = ask(message, failure, relaxAvailable);
                    if (answer == 'y') {
                        break;
                    }
                    if (answer == 'f') {
                        continue;
                    }
                    if (answer == 'i') {
                        relax.run();
                        relaxAvailable = false;
                        continue;
                    }
                    if (answer == 'n') {
                        throw CommandFailure.silent();
                    }
                    throw new CommandFailure(message, failure);
                }
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("cannot remove the temporary file {}: {}", tmp, e.toString());
            }
        }
    }

    /** Edits a plain text (desc --edit): the edited text, read back. */
    String editText(String text) {
        Path tmp = writeTemp(text);
        try {
            runEditor(tmp);
            return readBack(tmp);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("cannot remove the temporary file {}: {}", tmp, e.toString());
            }
        }
    }

    /** vshEditWriteToTempFile: $TMPDIR/virshXXXXXX.xml, readable by its owner only. */
    private Path writeTemp(String doc) {
        String dir = ctx.session().environment("TMPDIR");
        Path tmp;
        try {
            tmp = Files.createTempFile(Path.of(dir == null ? "/tmp" : dir), "virsh", ".xml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new CommandFailure("g_mkstemp_full: failed to create temporary file: " + reason(e));
        }
        try {
            Files.writeString(tmp, doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure("write: " + tmp + ": failed to write to temporary file: " + reason(e));
        }
        return tmp;
    }

    private String readBack(Path tmp) {
        try {
            byte[] bytes = Files.readAllBytes(tmp);
            if (bytes.length > XmlFiles.MAX_BYTES) {
                throw new IOException("File too large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure(tmp + ": failed to read temporary file: " + reason(e));
        }
    }

    /** vshEditFile: the editor on the file, through sh when its name holds anything unusual. */
    private void runEditor(Path file) {
        String editor = ctx.session().environment("VISUAL");
        if (editor == null) {
            editor = ctx.session().environment("EDITOR");
        }
        if (editor == null) {
            editor = "vi";
        }
        List<String> argv = new ArrayList<>();
        if (!accepted(editor)) {
            if (!accepted(file.toString())) {
                throw new CommandFailure(file + ": temporary filename contains shell meta or other unacceptable "
                        + "characters (is $TMPDIR wrong?)");
            }
            argv.addAll(List.of("sh", "-c", editor + " " + file));
        } else {
            argv.addAll(List.of(editor, file.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(argv);
        TerminalAccess terminal = ctx.session().terminalAccess();
        int status;
        try {
            if (terminal != null) {
                status = terminal.run(pb);
            } else {
                status = runDetached(pb);
            }
        } catch (IOException e) {
            throw new CommandFailure(null, new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Cannot run '" + argv.get(0) + "': " + reason(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.silent();
        }
        if (status != 0) {
            throw new CommandFailure(null, new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                    "Child process (" + commandLine(argv) + ") unexpected exit status " + status));
        }
    }

    /** Without a terminal the editor reads nothing and what it prints goes to the command's output. */
    private int runDetached(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errors = new Thread(() -> copy(p.getErrorStream(), err), "jvirt-shell-editor-stderr");
        errors.start();
        byte[] out = p.getInputStream().readAllBytes();
        int status = p.waitFor();
        errors.join();
        ctx.print(new String(out, StandardCharsets.UTF_8));
        ctx.errorText(err.toString(StandardCharsets.UTF_8));
        return status;
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        try {
            in.transferTo(to);
        } catch (IOException e) {
            LOG.debug("reading the editor's errors: {}", e.toString());
        }
    }

    /**
     * vshAskReedit: on a terminal, the error, then the question until y, n, f (or i) is typed; elsewhere -1, and the
     * edit fails with the message.
     */
    private int ask(String message, VirtException failure, boolean relaxAvailable) {
        TerminalAccess terminal = ctx.session().terminalAccess();
        if (terminal == null) {
            return -1;
        }
        if (failure != null) {
            ctx.error(failure.getMessage());
        }
        try (AutoCloseable raw = terminal.raw()) {
            while (true) {
                ctx.print("\r" + message + " Try again? " + (relaxAvailable ? "[y,n,i,f,?]" : "[y,n,f,?]") + ": ");
                int c = terminal.input().read();
                if (c < 0) {
                    return -1;
                }
                c = Character.toLowerCase(c);
                if (c == '?') {
                    ctx.print("\r\ny - yes, start editor again\r\nn - no, throw away my changes\r\n");
                    if (relaxAvailable) {
                        ctx.print("i - turn off validation and try to redefine again\r\n");
                    }
                    ctx.print("f - force, try to redefine again\r\n? - print this help\r\n");
                    continue;
                }
                if (c == 'y' || c == 'n' || c == 'f' || (relaxAvailable && c == 'i')) {
                    ctx.print("\r\n");
                    return c;
                }
            }
        } catch (Exception e) {
            LOG.warn("the terminal failed while asking: {}", e.toString());
            return -1;
        }
    }

    private static boolean accepted(String s) {
        return s.chars().allMatch(c -> ACCEPTED.indexOf(c) >= 0);
    }

    /** virCommandToString: each word as it is, or single-quoted when the shell would read it otherwise. */
    private static String commandLine(List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String a : argv) {
            if (b.length() > 0) {
                b.append(' ');
            }
            if (!a.isEmpty() && a.chars().noneMatch(c -> " \t\n\r'\"`$&();<>\\*?|[]{}~#!".indexOf(c) >= 0)) {
                b.append(a);
            } else {
                b.append('\'').append(a.replace("'", "'\\''")).append('\'');
            }
        }
        return b.toString();
    }

    private static String reason(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
