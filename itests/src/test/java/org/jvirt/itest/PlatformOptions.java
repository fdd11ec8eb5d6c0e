package org.jvirt.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.ops4j.pax.exam.Option;

/**
 * The platform as the distribution assembles it: its bundles, from its own bundle/ folder, in the order and at the
 * start levels of its etc/startup.properties; SLF4J shared by the system bundle as the launcher shares it.
 */
final class PlatformOptions {
    static final Path DIST = Path.of(System.getProperty("jvirt.dist", "../distribution/target/jvirt"));
    static final Path FIXTURES = Path.of(System.getProperty("jvirt.fixtures", "fixtures"));
    static final Path WORK = Path.of(System.getProperty("jvirt.itest.work", "target/work"));
    static final Path LOG = Path.of(System.getProperty("jvirt.itest.log", "target/itest.log"));

    private PlatformOptions() {
    }

    /** The platform's bundles that {@code keep} accepts (by file name), with the framework set up as jvirt's. */
    static Option[] platform(String name, Predicate<String> keep, Option... extra) {
        List<Option> options = new ArrayList<>();
        Path home = WORK.resolve(name).toAbsolutePath();
        int highest = 1;
        for (String raw : readLines(DIST.resolve("etc/startup.properties"))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String file = line.substring(0, line.indexOf('=')).strip();
            int level = Integer.parseInt(line.substring(line.indexOf('=') + 1).strip());
            if (!keep.test(Path.of(file).getFileName().toString())) {
                continue;
            }
            highest = Math.max(highest, level);
            options.add(bundle(DIST.resolve(file).toAbsolutePath().toUri().toString()).startLevel(level).start());
        }
        options.add(frameworkStartLevel(highest + 1));
        // SLF4J 2 also answers Pax Exam's own bundles, which ask for the 1.x API (a subset of 2's)
        options.add(systemPackages("org.slf4j;version=2.0.20", "org.slf4j.spi;version=2.0.20",
                "org.slf4j.event;version=2.0.20", "org.slf4j.helpers;version=2.0.20", "org.slf4j;version=1.7.36",
                "org.slf4j.spi;version=1.7.36", "org.slf4j.helpers;version=1.7.36"));
        options.add(frameworkProperty("felix.bootdelegation.implicit").value("false"));
        options.add(frameworkProperty("jvirt.home").value(home.toString()));
        options.add(frameworkProperty("felix.fileinstall.dir").value(home.resolve("deploy").toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("250"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.log.default").value("jul"));
        options.add(frameworkProperty("felix.fileinstall.start.level").value(Integer.toString(highest)));
        options.add(systemProperty("jvirt.itest.log").value(LOG.toAbsolutePath().toString()));
        options.add(systemProperty("jvirt.fixtures").value(FIXTURES.toAbsolutePath().toString()));
        options.add(systemProperty("jvirt.dist").value(DIST.toAbsolutePath().toString()));
        String schemas = System.getProperty("jvirt.schemas");
        if (schemas != null && Files.isDirectory(Path.of(schemas))) {
            // libvirt's schemas, for the VALIDATE flags (else conf looks in libvirt's installed folder)
            options.add(systemProperty("jvirt.schemas").value(Path.of(schemas).toAbsolutePath().toString()));
        }
        options.add(junitBundles());
        options.addAll(List.of(extra));
        try {
            // a fresh deploy/ each run: what an earlier run left there would be installed at once
            Path deploy = Files.createDirectories(home.resolve("deploy"));
            try (var old = Files.list(deploy)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options.toArray(Option[]::new);
    }

    static Option[] platform(String name, Option... extra) {
        return platform(name, f -> true, extra);
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the distribution must be built first: " + file, e);
        }
    }
}
