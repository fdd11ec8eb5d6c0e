package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.Test;

/** Checks every driver bundle the distribution ships against the import rule, and that the check can fail. */
public class DriverImportsTest {

    @Test
    public void everyShippedDriverImportsOnlyWhatDriversMay() throws Exception {
        Path bundles = PlatformOptions.DIST.resolve("bundle");
        List<String> drivers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> jars = Files.list(bundles)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Manifest m = DriverImports.manifest(jar);
                if (DriverImports.driverName(m) == null) {
                    continue;
                }
                drivers.add(jar.getFileName().toString());
                List<String> bad = DriverImports.violations(m);
                if (!bad.isEmpty()) {
                    problems.add(jar.getFileName() + " imports " + bad);
                }
            }
        }
        assertTrue("the distribution ships at least the test driver: " + drivers,
                drivers.contains("org.jvirt.driver.test.jar"));
        assertEquals("drivers must import only the shared modules, OSGi, the JDK and the named libraries",
                List.of(), problems);
    }

    @Test
    public void theCheckCatchesADriverImportingAnotherDriver() throws Exception {
        Manifest beta = DriverImports.manifest(DriverIsolationIT.jarIn(PlatformOptions.FIXTURES.resolve("beta/target")));
        assertEquals("beta", DriverImports.driverName(beta));
        assertEquals(List.of("org.jvirt.itest.alpha"), DriverImports.violations(beta));
        Manifest alpha = DriverImports.manifest(
                DriverIsolationIT.jarIn(PlatformOptions.FIXTURES.resolve("alpha/target")));
        assertEquals(List.of(), DriverImports.violations(alpha));
    }

    @Test
    public void headersAreSplitOutsideQuotes() {
        assertEquals(List.of("a.b", "org.x", "c"),
                DriverImports.packageNames("a.b;version=\"[1.0,2)\",org.x;resolution:=optional, c"));
        assertFalse(DriverImports.JDK_PACKAGES.isEmpty());
        assertTrue(DriverImports.JDK_PACKAGES.contains("javax.management"));
    }
}
