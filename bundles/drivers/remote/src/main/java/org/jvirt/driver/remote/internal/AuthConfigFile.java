package org.jvirt.driver.remote.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's client authentication file (auth.conf): credentials for a service on a host, found before the caller's
 * callback is asked. {@code [auth-libvirt-HOST]} (else {@code [auth-libvirt-default]}) names, in its
 * {@code credentials} key, a group {@code [credentials-NAME]} holding {@code authname}, {@code password},
 * {@code username}, {@code realm}. The file is {@code $LIBVIRT_AUTH_FILE}, else the URI's {@code authfile}
 * parameter, else {@code $XDG_CONFIG_HOME/libvirt/auth.conf} (or {@code ~/.config/libvirt/auth.conf}), else
 * {@code /etc/libvirt/auth.conf}, the last two only when readable.
 */
final class AuthConfigFile {
    private final Path path;
    private final Map<String, Map<String, String>> groups;

    private AuthConfigFile(Path path, Map<String, Map<String, String>> groups) {
        this.path = path;
        this.groups = groups;
    }

    /** The file libvirt's client would read for {@code uri}, or {@code null} when there is none. */
    static Path locate(URI uri, UnaryOperator<String> env) {
        String fromEnv = env.apply("LIBVIRT_AUTH_FILE");
        if (fromEnv != null) {
            return Path.of(fromEnv);
        }
        for (String[] p : RemoteUri.params(uri.getRawQuery())) {
            // libvirt compares this name as written, unlike its other parameters
            if (p[0].equals("authfile") && p[1] != null) {
                return Path.of(p[1]);
            }
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        String home = env.apply("HOME");
        Path userDir = xdg != null && !xdg.isEmpty() ? Path.of(xdg)
                : Path.of(home != null ? home : System.getProperty("user.home"), ".config");
        for (Path candidate : List.of(userDir.resolve("libvirt").resolve("auth.conf"),
                Path.of("/etc/libvirt/auth.conf"))) {
            if (Files.isReadable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static AuthConfigFile load(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Failed to open file '" + path + "': No such file or directory");
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Failed to open file '" + path + "': " + e.getMessage());
        }
        Map<String, Map<String, String>> groups = new HashMap<>();
        Map<String, String> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = groups.computeIfAbsent(line.substring(1, line.length() - 1), g -> new HashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || current == null) {
                throw new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF,
                        path + ":" + (i + 1) + ": expected a [group] or a key=value line");
            }
            current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return new AuthConfigFile(path, groups);
    }

    /** The credential {@code credname} for {@code service} on {@code host}, or {@code null} when not given. */
    String lookup(String service, String host, String credname) {
        String authGroup = "auth-" + service + "-" + (host == null ? "localhost" : host);
        if (!groups.containsKey(authGroup)) {
            authGroup = "auth-" + service + "-default";
        }
        Map<String, String> auth = groups.get(authGroup);
        if (auth == null) {
            return null;
        }
        String cred = auth.get("credentials");
        if (cred == null) {
            throw new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.NONE,
                    "Missing item 'credentials' in group '" + authGroup + "' in '" + path + "'");
        }
        Map<String, String> values = groups.get("credentials-" + cred);
        if (values == null) {
            throw new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.NONE, "Missing group 'credentials-" + cred
                    + "' referenced from group '" + authGroup + "' in '" + path + "'");
        }
        return values.get(credname);
    }
}
