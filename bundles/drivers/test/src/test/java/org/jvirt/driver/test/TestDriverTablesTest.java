package org.jvirt.driver.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jvirt.api.Connect;
import org.jvirt.api.Libvirt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every entry point of libvirt 9.0's test driver (test-driver-tables.txt, the fields of its driver tables) held
 * against jvirt: each public one is a function of libvirt's API description; jvirt's API covers it (a method
 * annotated {@link Libvirt} with its name) unless it is left out with a reason; jvirt's test driver serves it (one of
 * its classes implements the method, or the functions a convenience is built on), or the platform does for every
 * driver; and a call script of this module calls it, so that its answer is compared with libvirt's, unless the place
 * where it is compared is named here. The counts are logged.
 */
class TestDriverTablesTest {
    private static final Logger LOG = LoggerFactory.getLogger(TestDriverTablesTest.class);
    private static final Path TABLES = LibvirtCallsTest.DIR.resolve("test-driver-tables.txt");
    private static final List<Path> SCRIPT_FOLDERS = List.of(LibvirtCallsTest.DIR,
            Path.of("src", "test", "resources", "libvirt-cpu"));

    /** Fields that stand for no public function. */
    private static final Map<String, String> INTERNAL = Map.of("connectSupportsFeature",
            "libvirt asks the driver which features it has (typed parameter strings, …); no public function");

    /** Functions jvirt's API leaves out, with the reason. */
    private static final Map<String, String> LEFT_OUT = Map.of();

    /** Functions the platform implements for every driver; the test driver raises the events through its sink. */
    private static final Map<String, String> PLATFORM = platform();

    private static Map<String, String> platform() {
        Map<String, String> out = new TreeMap<>();
        out.put("virConnectOpen", "ConnectFactory opens through the driver's open(ConnectRequest)");
        for (String kind : List.of("Domain", "Network", "StoragePool", "NodeDevice")) {
            out.put("virConnect" + kind + "EventRegisterAny", "core's event hub");
            out.put("virConnect" + kind + "EventDeregisterAny", "core's event hub");
        }
        out.put("virConnectDomainEventRegister", "core's event hub");
        out.put("virConnectDomainEventDeregister", "core's event hub");
        return out;
    }

    /** Where the answer of a function no script calls is compared with libvirt's: a file that shows it. */
    record Elsewhere(String file, String shows, String how) {
    }

    private static final String RECORDER = "src/test/python/record_libvirt.py";
    private static final String EXERCISE = "../../daemon/src/test/resources/python/exercise.py";
    private static final String EVENTS = "the recorder subscribes when a script opens and the scripts' \"events\" "
            + "compare what arrives (the driver's EventSink on jvirt's side)";
    private static final String DAEMON_EVENTS = "the daemon's PythonCompareTest, section events: libvirt-python "
            + "against jvirt's daemon over this driver and against libvirt's own test driver";
    private static final Map<String, Elsewhere> ELSEWHERE = Map.ofEntries(
            Map.entry("virConnectOpen", new Elsewhere("src/test/resources/libvirt/coverage.calls",
                    "\nopen test:///default\n", "every script's \"open\"")),
            Map.entry("virConnectClose", new Elsewhere("src/test/resources/libvirt/coverage.calls", "\nclose\n",
                    "every script's \"close\"")),
            Map.entry("virConnectNetworkEventRegisterAny", new Elsewhere(RECORDER, "c.networkEventRegisterAny(",
                    EVENTS)),
            Map.entry("virConnectNetworkEventDeregisterAny", new Elsewhere(RECORDER, "c.networkEventDeregisterAny",
                    EVENTS + "; a script's close ends them")),
            Map.entry("virConnectStoragePoolEventRegisterAny", new Elsewhere(RECORDER,
                    "c.storagePoolEventRegisterAny(", EVENTS)),
            Map.entry("virConnectStoragePoolEventDeregisterAny", new Elsewhere(RECORDER,
                    "c.storagePoolEventDeregisterAny", EVENTS + "; a script's close ends them")),
            Map.entry("virConnectNodeDeviceEventRegisterAny", new Elsewhere(RECORDER, "c.nodeDeviceEventRegisterAny(",
                    EVENTS)),
            Map.entry("virConnectNodeDeviceEventDeregisterAny", new Elsewhere(RECORDER,
                    "c.nodeDeviceEventDeregisterAny", EVENTS + "; a script's close ends them")),
            Map.entry("virConnectDomainEventRegisterAny", new Elsewhere(EXERCISE, "c.domainEventRegisterAny(",
                    DAEMON_EVENTS)),
            Map.entry("virConnectDomainEventDeregisterAny", new Elsewhere(EXERCISE, "c.domainEventDeregisterAny(",
                    DAEMON_EVENTS)),
            Map.entry("virConnectDomainEventRegister", new Elsewhere(EXERCISE, "c.domainEventRegister(",
                    DAEMON_EVENTS)),
            Map.entry("virConnectDomainEventDeregister", new Elsewhere(EXERCISE, "c.domainEventDeregister(",
                    DAEMON_EVENTS)));

    /** The fields of each table, in libvirt's order. */
    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();
    /** The public functions of the tables, in order. */
    private static final List<String> FUNCTIONS = new ArrayList<>();
    /** jvirt's API methods, by the libvirt function they stand for. */
    private static final Map<String, List<Method>> API = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        String table = null;
        for (String line : Files.readAllLines(TABLES, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[")) {
                table = l.substring(1, l.length() - 1);
                FIELDS.put(table, new ArrayList<>());
            } else {
                FIELDS.get(table).add(l);
                if (!INTERNAL.containsKey(l)) {
                    FUNCTIONS.add("vir" + Character.toUpperCase(l.charAt(0)) + l.substring(1));
                }
            }
        }
        for (Class<?> type : PackageClasses.of(Connect.class, "org/jvirt/api/")) {
            for (Method m : type.getDeclaredMethods()) {
                Libvirt l = m.getAnnotation(Libvirt.class);
                if (l != null) {
                    API.computeIfAbsent(l.value(), k -> new ArrayList<>()).add(m);
                }
            }
        }
    }

    @Test
    void theTablesAreLibvirtsFive() {
        assertThat(FIELDS.keySet()).containsExactly("testHypervisorDriver", "testNetworkDriver",
                "testInterfaceDriver", "testStorageDriver", "testNodeDeviceDriver");
        List<String> all = FIELDS.values().stream().flatMap(List::stream).toList();
        assertThat(all).as("fields named twice").doesNotHaveDuplicates();
        assertThat(all).as("the internal fields are fields of the tables").containsAll(INTERNAL.keySet());
    }

    @Test
    void eachIsOneOfLibvirtsPublicFunctions() throws Exception {
        String shared = System.getProperty("jvirt.shared");
        Path xml = shared == null ? null : Path.of(shared, "libvirt-api", "libvirt-api.xml");
        Assumptions.assumeTrue(xml != null && Files.isRegularFile(xml),
                "libvirt's API description is absent (../shared/libvirt-api): not checked");
        Set<String> known = new TreeSet<>();
        NodeList functions = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getElementsByTagName("function");
        for (int i = 0; i < functions.getLength(); i++) {
            known.add(((Element) functions.item(i)).getAttribute("name"));
        }
        assertThat(FUNCTIONS).as("public functions of the tables").allMatch(known::contains);
        for (String field : INTERNAL.keySet()) {
            assertThat(known).as("internal field %s", field)
                    .doesNotContain("vir" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
        }
    }

    @Test
    void eachIsInJvirtsApiOrLeftOutWithAReason() {
        assertThat(missingFromApi()).as("functions of libvirt's test driver that jvirt's API neither covers nor "
                + "leaves out").isEmpty();
        assertThat(LEFT_OUT.keySet()).as("left out, yet covered").noneMatch(API::containsKey);
        assertThat(FUNCTIONS).containsAll(LEFT_OUT.keySet()).containsAll(PLATFORM.keySet())
                .containsAll(ELSEWHERE.keySet());
    }

    @Test
    void eachIsServedByJvirtsTestDriverOrThePlatform() throws IOException {
        Set<String> driver = implementedByTheDriver();
        List<String> unserved = FUNCTIONS.stream()
                .filter(fn -> API.containsKey(fn) && !PLATFORM.containsKey(fn) && !served(fn, driver)).toList();
        assertThat(unserved).as("covered by the API, not implemented by jvirt's test driver").isEmpty();
        assertThat(PLATFORM.keySet()).as("the platform's, yet implemented by the driver")
                .noneMatch(driver::contains);
    }

    @Test
    void eachIsComparedWithLibvirt() throws IOException {
        Set<String> called = calledByScripts();
        List<String> uncompared = FUNCTIONS.stream()
                .filter(fn -> !LEFT_OUT.containsKey(fn) && !called.contains(fn) && !ELSEWHERE.containsKey(fn))
                .toList();
        assertThat(uncompared).as("functions no call script calls (add them to coverage.calls)").isEmpty();
        assertThat(ELSEWHERE.keySet()).as("compared elsewhere, yet called by a script: take it off the list")
                .noneMatch(called::contains);
        List<String> unshown = new ArrayList<>();
        for (Map.Entry<String, Elsewhere> e : ELSEWHERE.entrySet()) {
            Path file = Path.of(e.getValue().file());
            if (!Files.isRegularFile(file)
                    || !Files.readString(file, StandardCharsets.UTF_8).contains(e.getValue().shows())) {
                unshown.add(e.getKey() + ": " + file + " does not hold " + e.getValue().shows());
            }
        }
        assertThat(unshown).as("places named for the functions compared elsewhere").isEmpty();
    }

    @Test
    void logsTheCounts() throws IOException {
        Set<String> driver = implementedByTheDriver();
        Set<String> called = calledByScripts();
        int fields = FIELDS.values().stream().mapToInt(List::size).sum();
        long inApi = FUNCTIONS.stream().filter(API::containsKey).count();
        long served = FUNCTIONS.stream().filter(fn -> PLATFORM.containsKey(fn) || served(fn, driver)).count();
        long scripted = FUNCTIONS.stream().filter(called::contains).count();
        long elsewhere = FUNCTIONS.stream().filter(ELSEWHERE::containsKey).count();
        LOG.info("libvirt 9.0's test driver: {} entry points in its tables, {} public functions", fields,
                FUNCTIONS.size());
        LOG.info("  in jvirt's API: {}/{}{}", inApi, FUNCTIONS.size(), LEFT_OUT.isEmpty() ? ""
                : " (" + LEFT_OUT.size() + " left out on purpose: " + String.join(", ", new TreeSet<>(LEFT_OUT.keySet()))
                        + ")");
        LOG.info("  served by jvirt's test driver or the platform: {}/{}", served, inApi);
        LOG.info("  compared with libvirt's answers: {}/{} ({} by the call scripts, {} elsewhere)",
                scripted + elsewhere, inApi, scripted, elsewhere);
        assertThat(served).isEqualTo(inApi);
        assertThat(scripted + elsewhere).isEqualTo(inApi);
    }

    private static List<String> missingFromApi() {
        return FUNCTIONS.stream().filter(fn -> !API.containsKey(fn) && !LEFT_OUT.containsKey(fn)).toList();
    }

    /** The libvirt functions the script lines call, in every folder of scripts. */
    private static Set<String> calledByScripts() throws IOException {
        Set<String> out = new TreeSet<>();
        for (Path folder : SCRIPT_FOLDERS) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path script : files.filter(p -> p.toString().endsWith(".calls")).toList()) {
                    for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
                        String[] words = line.strip().split(" ");
                        if (words[0].isEmpty() || words[0].startsWith("#")) {
                            continue;
                        }
                        out.add(words.length > 2 && words[1].equals("=") ? words[2] : words[0]);
                    }
                }
            }
        }
        return out;
    }

    /** Whether the driver implements {@code fn}, or every function a convenience for it is built on. */
    private static boolean served(String fn, Set<String> driver) {
        if (driver.contains(fn)) {
            return true;
        }
        for (Method m : API.getOrDefault(fn, List.of())) {
            String[] via = m.getAnnotation(Libvirt.class).via();
            if (via.length > 0 && Arrays.stream(via).allMatch(v -> !v.equals(fn) && served(v, driver))) {
                return true;
            }
        }
        return false;
    }

    /** The API's functions some concrete class of the test driver implements itself (not the API's default body). */
    private static Set<String> implementedByTheDriver() throws IOException {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : PackageClasses.of(TestHypervisorDriver.class, "org/jvirt/driver/test/")) {
            if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
                continue;
            }
            API.forEach((fn, methods) -> {
                for (Method m : methods) {
                    if (m.getDeclaringClass().isAssignableFrom(c) && overrides(c, m)) {
                        out.add(fn);
                    }
                }
            });
        }
        return out;
    }

    private static boolean overrides(Class<?> c, Method m) {
        try {
            Method resolved = c.getMethod(m.getName(), m.getParameterTypes());
            return !resolved.getDeclaringClass().getPackageName().startsWith("org.jvirt.api");
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
