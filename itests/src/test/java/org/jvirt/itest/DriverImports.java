package org.jvirt.itest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The build-time half of the isolation rule: a driver bundle's Import-Package may name only the shared modules,
 * OSGi and JDK packages, and the third-party libraries drivers are allowed. (At run time, core's resolver hook
 * enforces the rest: no wire from one driver to another.)
 */
final class DriverImports {
    /** Packages (and their sub-packages) every driver may import. */
    static final List<String> ALLOWED_PREFIXES = List.of(
            "org.jvirt.api", "org.jvirt.util", "org.jvirt.conf", "org.jvirt.vmx", "org.jvirt.rpc",
            "org.osgi.", "org.slf4j",
            "jakarta.xml.bind", "com.sun.jna", "com.fasterxml.jackson");

    /** Every package the running JDK provides (java.*, javax.*, org.w3c.*, org.xml.* …). */
    static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
            .flatMap(m -> m.getPackages().stream()).collect(Collectors.toUnmodifiableSet());

    private DriverImports() {
    }

    /** The driver name of a bundle jar, or null when it is not a driver. */
    static String driverName(Manifest manifest) {
        return manifest.getMainAttributes().getValue("Jvirt-Driver");
    }

    static Manifest manifest(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.getManifest();
        }
    }

    /** The imports of a driver's manifest that break the rule; empty when it keeps it. */
    static List<String> violations(Manifest manifest) {
        List<String> bad = new ArrayList<>();
        // a bundle may import what it exports itself (bnd substitutes exports so)
        List<String> own = packageNames(manifest.getMainAttributes().getValue("Export-Package"));
        for (String pkg : packageNames(manifest.getMainAttributes().getValue("Import-Package"))) {
            if (JDK_PACKAGES.contains(pkg) || own.contains(pkg)) {
                continue;
            }
            if (ALLOWED_PREFIXES.stream().noneMatch(p -> pkg.equals(p) || pkg.startsWith(p.endsWith(".") ? p : p + "."))) {
                bad.add(pkg);
            }
        }
        return bad;
    }

    /** The package names of an Import-Package header (attributes and directives dropped). */
    static List<String> packageNames(String header) {
        List<String> names = new ArrayList<>();
        if (header == null) {
            return names;
        }
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String name = clause.toString().split(";", 2)[0].strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }
}
