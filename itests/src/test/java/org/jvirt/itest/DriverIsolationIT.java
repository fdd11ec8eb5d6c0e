package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The isolation rule in a real Felix: two fixture drivers dropped into deploy/, one importing the other's package,
 * and a plain bundle importing the same package. The importing driver stays INSTALLED and one log line names both
 * bundles and the package; the plain bundle resolves; the platform works on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverIsolationIT {
    @Inject
    BundleContext context;

    @Inject
    ConnectFactory factory;

    @Configuration
    public Option[] config() {
        return PlatformOptions.platform("isolation");
    }

    @Test
    public void aDriverImportingAnotherDriversPackageStaysInstalled() throws Exception {
        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path fixtures = Path.of(System.getProperty("jvirt.fixtures"));
        for (String name : List.of("alpha", "beta", "gamma")) {
            Path jar = jarIn(fixtures.resolve(name).resolve("target"));
            Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue("alpha, beta and gamma are installed and alpha, gamma started", Await.until(
                () -> state("org.jvirt.itest.alpha") == Bundle.ACTIVE && state("org.jvirt.itest.gamma") == Bundle.ACTIVE
                        && state("org.jvirt.itest.beta") != -1, 20_000));

        assertEquals("the importing driver stays INSTALLED", Bundle.INSTALLED, state("org.jvirt.itest.beta"));
        assertTrue("the log names both bundles and the package, in one line", Await.until(() -> ruleLogged(), 5_000));

        // a bundle is ACTIVE before SCR has published its component: wait for the driver to serve its scheme
        assertTrue("alpha serves alpha:///", Await.until(() -> factory.drivers().stream()
                .anyMatch(d -> d.name().equals("alpha") && d.uriSchemes().contains("alpha")), 10_000));
        try (Connect alpha = factory.open("alpha:///")) {
            assertEquals("ALPHA", alpha.getType());
        }
        try (Connect test = factory.open("test:///default")) {
            assertEquals("TEST", test.getType());
        }
    }

    private boolean ruleLogged() {
        Path log = Path.of(System.getProperty("jvirt.itest.log"));
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(l -> l.contains("isolation rule") && l.contains("org.jvirt.itest.beta")
                    && l.contains("org.jvirt.itest.alpha") && l.contains("package org.jvirt.itest.alpha"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private int state(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b.getState();
            }
        }
        return -1;
    }

    static Path jarIn(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            Optional<Path> jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst();
            return jar.orElseThrow(() -> new IllegalStateException("no jar in " + folder));
        }
    }
}
