package org.jvirt.driver.test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classes of a package, found where a class of it was loaded from (a build's folder or a jar): how the API
 * audits (this module's and core's) walk every interface of the API and every class of a driver.
 */
public final class PackageClasses {
    private static final Logger LOG = LoggerFactory.getLogger(PackageClasses.class);

    private PackageClasses() {
    }

    /** The classes under {@code packagePath} of the folder or jar {@code anchor} was loaded from, by name. */
    public static List<Class<?>> of(Class<?> anchor, String packagePath) throws IOException {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location.resolve(packagePath))) {
                files.filter(p -> p.toString().endsWith(".class"))
                        .forEach(p -> names.add(location.relativize(p).toString()));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    String n = e.nextElement().getName();
                    if (n.startsWith(packagePath) && n.endsWith(".class")) {
                        names.add(n);
                    }
                }
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names.stream().sorted().toList()) {
            String className = n.replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
            if (className.endsWith("package-info") || className.endsWith("module-info")) {
                continue;
            }
            try {
                out.add(Class.forName(className, false, anchor.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("skipping {}: {}", className, e.toString());
            }
        }
        return out;
    }
}
