package org.jvirt.daemon.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users SASL knows, from {@code etc/sasl-users} (libvirtd keeps them in a sasldb): one {@code name:secret} a
 * line, the secret either the password itself or its SCRAM-SHA-256 form as RFC 5803 writes it
 * ({@code SCRAM-SHA-256$4096:SALT$STOREDKEY:SERVERKEY}, base64), which keeps no password on disk but serves SCRAM
 * alone (DIGEST-MD5 needs the password). The file is read again when it changes.
 */
final class SaslUsers {
    private static final Logger LOG = LoggerFactory.getLogger(SaslUsers.class);

    /** One user's secret: the password, or SCRAM's stored keys. */
    record Secret(String password, ScramCredentials scram) {
    }

    private final Path file;
    private FileTime loadedAt; // guarded by this
    private Map<String, Secret> users = Map.of(); // guarded by this

    SaslUsers(Path file) {
        this.file = file;
    }

    /** The secret of {@code user}, or {@code null}. */
    synchronized Secret lookup(String user) {
        reloadIfChanged();
        return users.get(user);
    }

    private void reloadIfChanged() {
        try {
            if (!Files.isRegularFile(file)) {
                users = Map.of();
                loadedAt = null;
                return;
            }
            FileTime t = Files.getLastModifiedTime(file);
            if (t.equals(loadedAt)) {
                return;
            }
            Map<String, Secret> read = new HashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    LOG.warn("{}:{}: not 'name:secret', ignored", file, i + 1);
                    continue;
                }
                String name = line.substring(0, colon);
                String secret = line.substring(colon + 1);
                ScramCredentials scram = ScramCredentials.parse(secret);
                read.put(name, scram != null ? new Secret(null, scram) : new Secret(secret, null));
            }
            users = Map.copyOf(read);
            loadedAt = t;
        } catch (IOException e) {
            LOG.warn("cannot read the SASL users in {}: {}", file, e.getMessage());
        }
    }
}
