package org.jvirt.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Where things are. The installation (jvirt.install: bin/, lib/, bundle/) holds what ships; the home (jvirt.home:
 * etc/, deploy/, data/, run/) holds what a site changes and what runs. They are the same folder unless
 * {@code JVIRT_HOME} names another, which is then seeded with the installation's default etc/ on first use.
 */
record Home(Path install, Path home) {

    static Home fromSystem() {
        String install = System.getProperty("jvirt.install");
        if (install == null) {
            throw new IllegalStateException("jvirt.install is not set: start jvirt with bin/jvirt");
        }
        String home = System.getenv("JVIRT_HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("jvirt.home", install);
        }
        return new Home(Path.of(install).toAbsolutePath().normalize(), Path.of(home).toAbsolutePath().normalize());
    }

    Path etc() {
        return home.resolve("etc");
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    Path data() {
        return home.resolve("data");
    }

    Path bundles() {
        return install.resolve("bundle");
    }

    /** Creates the home's folders, and copies the installation's etc/ into a home that has none. */
    void prepare() {
        try {
            if (!home.equals(install) && !Files.isDirectory(etc())) {
                copyTree(install.resolve("etc"), etc());
            }
            Files.createDirectories(deploy());
            Files.createDirectories(data().resolve("log"));
            Files.createDirectories(data().resolve("cache"));
            Files.createDirectories(home.resolve("run"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home, e);
        }
    }

    /**
     * A framework cache of this process's own, so that a daemon and one-shot commands can run side by side; caches
     * left by processes that no longer exist are removed.
     */
    Path cacheFor(long pid) {
        Path caches = data().resolve("cache");
        try (Stream<Path> old = Files.list(caches)) {
            old.filter(p -> p.getFileName().toString().startsWith("run-")).forEach(p -> {
                try {
                    long owner = Long.parseLong(p.getFileName().toString().substring(4));
                    if (owner != pid && ProcessHandle.of(owner).isEmpty()) {
                        deleteTree(p);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            });
        } catch (IOException e) {
            // a stale cache is only wasted space
        }
        return caches.resolve("run-" + pid);
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: the next start removes what is left
        }
    }
}
