package org.jvirt.jmx.internal.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: "name role" lines, the role {@code readonly} or {@code readwrite} (the JDK's jmxremote.access
 * format, without its create and unregister clauses, which remote JMX never allows here). A name is matched against
 * every principal of the user's Subject (the user name, and for JAAS the groups or roles its modules add); the most
 * a user gets from them is its role. Read at each login, so a change applies to the next connection.
 */
final class AccessFile {
    private final Path file;

    AccessFile(Path file) {
        this.file = file;
    }

    /** Checks that the file is there and well formed; the connector does not start otherwise. */
    void check() throws IOException {
        read();
    }

    private Map<String, Role> read() throws IOException {
        Map<String, Role> roles = new HashMap<>();
        for (TextFiles.Line line : TextFiles.read(file)) {
            Role role = line.words().length == 2 ? Role.of(line.words()[1]) : null;
            if (role == null) {
                throw new IllegalArgumentException(file + " line " + line.number()
                        + ": expected a name and readonly or readwrite");
            }
            roles.merge(line.words()[0], role, AccessFile::most);
        }
        return roles;
    }

    /** The role of the user these principals name, or null when the file gives them none. */
    Role roleOf(Set<Principal> principals) throws IOException {
        Map<String, Role> roles = read();
        Role found = null;
        for (Principal p : principals) {
            Role r = roles.get(p.getName());
            if (r != null) {
                found = found == null ? r : most(found, r);
            }
        }
        return found;
    }

    private static Role most(Role a, Role b) {
        return a == Role.READWRITE || b == Role.READWRITE ? Role.READWRITE : Role.READONLY;
    }

    @Override
    public String toString() {
        return "access file " + file;
    }
}
