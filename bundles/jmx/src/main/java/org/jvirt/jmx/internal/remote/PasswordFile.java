package org.jvirt.jmx.internal.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users and passwords from a file of "user password" lines (the JDK's jmxremote.password format, in clear text), which
 * only its owner may read. It is read at each login, so a changed file applies at once.
 */
final class PasswordFile implements CredentialCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordFile.class);

    private final Path file;

    PasswordFile(Path file) {
        this.file = file;
    }

    /** Checks that the file is there, private and well formed; the connector does not start otherwise. */
    void check() throws IOException {
        TextFiles.checkOwnerOnly(file);
        read();
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> users = new HashMap<>();
        for (TextFiles.Line line : TextFiles.read(file)) {
            if (line.words().length != 2) {
                throw new IllegalArgumentException(file + " line " + line.number() + ": expected a user and a password");
            }
            users.put(line.words()[0], line.words()[1]);
        }
        return users;
    }

    @Override
    public Subject login(String user, String password) {
        Map<String, String> users;
        try {
            TextFiles.checkOwnerOnly(file);
            users = read();
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("remote JMX: cannot read the password file: {}", e.getMessage());
            throw new SecurityException("Authentication failed");
        }
        String expected = users.get(user);
        // compared in constant time, and a wrong user costs as much as a wrong password
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        byte[] wanted = (expected == null ? "\0" + password : expected).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, wanted) || expected == null) {
            throw new SecurityException("Authentication failed");
        }
        Subject subject = new Subject();
        subject.getPrincipals().add(new JMXPrincipal(user));
        return subject;
    }

    @Override
    public String toString() {
        return "password file " + file;
    }
}
