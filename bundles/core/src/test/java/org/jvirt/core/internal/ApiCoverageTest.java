package org.jvirt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jvirt.driver.test.PackageClasses;
import org.jvirt.api.Connect;
import org.jvirt.api.Libvirt;
import org.jvirt.api.Modifies;
import org.jvirt.driver.test.TestHypervisorDriver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * jvirt's API against libvirt's, as libvirt-python's test_api_coverage.py does: every public function of libvirt
 * 9.0 (../shared/libvirt-api/*.xml) is covered by an API method naming it ({@link Libvirt}) or left out with a
 * reason (coverage/left-out.tsv); every method that libvirt refuses on a read-only connection says so
 * ({@link Modifies}, checked against coverage/readonly.tsv). The report (covered per kind, and which functions the
 * test driver implements) is logged and written to target/api-coverage.md.
 */
class ApiCoverageTest {
    private static final Logger LOG = LoggerFactory.getLogger(ApiCoverageTest.class);
    private static final List<String> DESCRIPTIONS = List.of("libvirt-api.xml", "libvirt-qemu-api.xml",
            "libvirt-lxc-api.xml", "libvirt-admin-api.xml");

    /** libvirt's functions: name to the module it belongs to (libvirt-domain, libvirt-qemu, …). */
    private static final Map<String, String> FUNCTIONS = new TreeMap<>();
    /** The API's annotated methods, by the function they stand for. */
    private static final Map<String, List<Method>> COVERED = new TreeMap<>();
    private static final Map<String, String> LEFT_OUT = new TreeMap<>();
    private static final Map<String, String> READ_ONLY = new TreeMap<>();

    @BeforeAll
    static void load() throws Exception {
        String shared = System.getProperty("jvirt.shared");
        Path folder = shared == null ? null : Path.of(shared, "libvirt-api");
        Assumptions.assumeTrue(folder != null && Files.isRegularFile(folder.resolve("libvirt-api.xml")),
                "libvirt's API description is absent (../shared/libvirt-api): API coverage not checked");
        for (String file : DESCRIPTIONS) {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(folder.resolve(file).toFile());
            NodeList functions = doc.getElementsByTagName("function");
            for (int i = 0; i < functions.getLength(); i++) {
                Element f = (Element) functions.item(i);
                String module = file.equals("libvirt-api.xml") ? f.getAttribute("file")
                        : file.replace("-api.xml", "");
                FUNCTIONS.put(f.getAttribute("name"), module);
            }
        }
        for (Class<?> type : PackageClasses.of(Connect.class, "org/jvirt/api/")) {
            for (Method m : type.getDeclaredMethods()) {
                Libvirt l = m.getAnnotation(Libvirt.class);
                if (l != null) {
                    COVERED.computeIfAbsent(l.value(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        LEFT_OUT.putAll(table("left-out.tsv", 2));
        READ_ONLY.putAll(table("readonly.tsv", 3));
    }

    @Test
    void everyAnnotationNamesOneOfLibvirtsFunctions() {
        Set<String> unknown = new TreeSet<>(COVERED.keySet());
        unknown.removeAll(FUNCTIONS.keySet());
        assertThat(unknown).as("@Libvirt names that are no libvirt 9.0 function").isEmpty();
        List<String> badVia = new ArrayList<>();
        COVERED.forEach((fn, methods) -> methods.forEach(m -> {
            for (String via : m.getAnnotation(Libvirt.class).via()) {
                if (!COVERED.containsKey(via)) {
                    badVia.add(fn + " via " + via);
                }
            }
        }));
        assertThat(badVia).as("conveniences built on functions the API does not cover").isEmpty();
    }

    @Test
    void everyFunctionIsCoveredOrLeftOutWithAReason() {
        Set<String> missing = new TreeSet<>(FUNCTIONS.keySet());
        missing.removeAll(COVERED.keySet());
        missing.removeAll(LEFT_OUT.keySet());
        assertThat(missing).as("libvirt functions neither covered nor left out").isEmpty();
        Set<String> both = new TreeSet<>(LEFT_OUT.keySet());
        both.retainAll(COVERED.keySet());
        assertThat(both).as("functions both covered and left out").isEmpty();
        Set<String> stale = new TreeSet<>(LEFT_OUT.keySet());
        stale.removeAll(FUNCTIONS.keySet());
        assertThat(stale).as("left-out.tsv names no libvirt function").isEmpty();
        assertThat(LEFT_OUT.values()).as("reasons").allSatisfy(r -> assertThat(r).isNotBlank());
    }

    @Test
    void readOnlyRefusalsAreLibvirts() {
        List<String> wrong = new ArrayList<>();
        COVERED.forEach((fn, methods) -> {
            for (Method m : methods) {
                Modifies mod = m.getAnnotation(Modifies.class);
                String expected = READ_ONLY.get(fn);
                String actual = mod == null ? null
                        : mod.when().length == 0 ? "always" : "when:" + String.join(",", mod.when());
                if (!java.util.Objects.equals(expected, actual)) {
                    wrong.add(m.getDeclaringClass().getSimpleName() + "." + m.getName() + " (" + fn + "): "
                            + actual + ", libvirt: " + expected);
                }
            }
        });
        assertThat(wrong).as("@Modifies that differ from readonly.tsv").isEmpty();
        Set<String> uncovered = new TreeSet<>(READ_ONLY.keySet());
        uncovered.removeAll(COVERED.keySet());
        uncovered.removeAll(LEFT_OUT.keySet());
        assertThat(uncovered).as("readonly.tsv names functions the API does not know").isEmpty();
    }

    @Test
    void reportsCoverageAndWhatTheTestDriverImplements() throws IOException {
        Set<String> platform = platformFunctions();
        Set<String> driver = implementedBy(TestHypervisorDriver.class, "org/jvirt/driver/test/");
        Map<String, int[]> byKind = new TreeMap<>();
        FUNCTIONS.forEach((fn, kind) -> {
            int[] counts = byKind.computeIfAbsent(kind, k -> new int[5]);
            counts[0]++;
            if (COVERED.containsKey(fn)) {
                counts[1]++;
                if (platform.contains(fn)) {
                    counts[3]++;
                } else if (servedByDriver(fn, driver)) {
                    counts[4]++;
                }
            } else {
                counts[2]++;
            }
        });
        StringBuilder report = new StringBuilder();
        report.append("# libvirt 9.0 API coverage\n\n")
                .append("| kind | functions | covered | left out | by the platform | by the test driver |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        int[] total = new int[5];
        byKind.forEach((kind, c) -> {
            report.append("| ").append(kind);
            for (int v : c) {
                report.append(" | ").append(v);
            }
            report.append(" |\n");
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        });
        report.append("| **all**");
        for (int v : total) {
            report.append(" | ").append(v);
        }
        report.append(" |\n\n");
        report.append("The platform implements some functions for every driver: opening connections, events, close ")
                .append("callbacks, streams (a driver attaches the data behind them), typed parameters. The test ")
                .append("driver serves a function when one of its classes implements it, or when the function is a ")
                .append("convenience built on functions it implements.\n\n");
        report.append("## Served by the test driver\n\n");
        COVERED.keySet().stream().filter(fn -> !platform.contains(fn) && servedByDriver(fn, driver))
                .forEach(fn -> report.append("- ").append(fn).append('\n'));
        report.append("\n## Covered, not yet served by the test driver\n\n");
        COVERED.keySet().stream().filter(fn -> !platform.contains(fn) && !servedByDriver(fn, driver))
                .forEach(fn -> report.append("- ").append(fn).append('\n'));
        Path out = Path.of("target", "api-coverage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LOG.info("libvirt API coverage: {} of {} functions covered, {} left out on purpose; {} implemented by the "
                + "platform for every driver, {} more by the test driver", total[1], total[0], total[2], total[3],
                total[4]);
        byKind.forEach((kind, c) -> LOG.info("  {}: {}/{} covered ({} platform, {} test driver)", kind, c[1], c[0],
                c[3], c[4]));
        LOG.info("  the test driver implements: {}", String.join(" ", driver));
        LOG.info("report: {}", out.toAbsolutePath());
        assertThat(total[1] + total[2]).isEqualTo(total[0]);
        assertThat(driver).as("the test driver implements what its own tests exercise")
                .contains("virDomainCreateWithFlags", "virConnectListAllDomains", "virDomainGetXMLDesc");
    }

    /** Whether the test driver serves a covered function itself, or through conveniences built on its own. */
    private static boolean servedByDriver(String fn, Set<String> driver) {
        if (driver.contains(fn)) {
            return true;
        }
        for (Method m : COVERED.getOrDefault(fn, List.of())) {
            String[] via = m.getAnnotation(Libvirt.class).via();
            if (via.length > 0 && Arrays.stream(via).allMatch(v -> !v.equals(fn) && servedByDriver(v, driver))) {
                return true;
            }
        }
        return false;
    }

    /** Functions the platform implements whatever the driver: core's own methods, and the API's concrete code. */
    private static Set<String> platformFunctions() {
        Set<String> out = new TreeSet<>();
        COVERED.forEach((fn, methods) -> {
            for (Method m : methods) {
                boolean concrete = !m.getDeclaringClass().isInterface() && !Modifier.isAbstract(m.getModifiers());
                boolean stream = m.getDeclaringClass() == org.jvirt.api.Stream.class
                        && Invocations.overrides(PlatformStream.class, m);
                boolean factory = m.getDeclaringClass() == org.jvirt.api.ConnectFactory.class;
                if (concrete || stream || factory || PlatformMethods.isPlatform(m)) {
                    out.add(fn);
                }
            }
        });
        return out;
    }

    /** The covered functions some class of the driver implements itself (not the API's default body). */
    private static Set<String> implementedBy(Class<?> anchor, String packagePath) throws IOException {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : PackageClasses.of(anchor, packagePath)) {
            if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
                continue;
            }
            COVERED.forEach((fn, methods) -> {
                for (Method m : methods) {
                    if (m.getDeclaringClass().isAssignableFrom(c) && Invocations.overrides(c, m)) {
                        out.add(fn);
                    }
                }
            });
        }
        return out;
    }

    /** A tab-separated table of the test resources: first column to the rest (joined by tabs). */
    private static Map<String, String> table(String name, int columns) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = ApiCoverageTest.class.getResourceAsStream("/coverage/" + name)) {
            assertThat(in).as(name).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                assertThat(cols).as(name + ": " + line).hasSize(columns);
                assertThat(out.put(cols[0], cols[1])).as(name + ": " + cols[0] + " twice").isNull();
            }
        }
        return out;
    }
}
