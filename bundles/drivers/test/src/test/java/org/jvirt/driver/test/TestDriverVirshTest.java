package org.jvirt.driver.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.driver.HypervisorDriver;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.LifecycleEventType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test driver against what virsh 9.0 shows for the same commands on libvirt's own test driver. */
class TestDriverVirshTest {
    private TestHypervisorDriver driver;
    private final List<DomainEvent> events = new ArrayList<>();

    @BeforeEach
    void newDriver() {
        driver = new TestHypervisorDriver();
    }

    private Connect open(String uri) {
        EventSink sink = new EventSink() {
            @Override
            public void domainEvent(DomainEvent event) {
                events.add(event);
            }

            @Override
            public void connectionClosed(CloseReason reason) {
            }
        };
        return driver.open(new ConnectRequest(URI.create(uri), Set.of(), null, sink)).orElseThrow();
    }

    /** What virsh printed, less the new line virsh adds after the XML. */
    private static String virsh(String name) throws IOException {
        try (InputStream in = TestDriverVirshTest.class.getResourceAsStream("/virsh/" + name)) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
        }
    }

    @Test
    void connectValuesAreLibvirts() {
        Connect c = open("test:///default");
        assertThat(c.getURI()).isEqualTo("test:///default");
        assertThat(c.getType()).isEqualTo("TEST");
        assertThat(c.getVersion()).isEqualTo(2);
        assertThat(c.getMaxVcpus(null)).isEqualTo(32);
        assertThat(c.nodeInfo()).isEqualTo(new NodeInfo("i686", 3145728, 16, 1400, 2, 2, 2, 2));
        assertThat(c.getSecurityModel().model()).isEqualTo("testSecurity");
        assertThat(c.getSecurityModel().doi()).isEmpty();
        assertThat(c.isAlive()).isTrue();
        assertThat(c.isSecure()).isTrue();
        assertThat(c.isEncrypted()).isFalse();
        assertThat(c.getCapabilities()).startsWith("<capabilities>\n\n  <host>\n").contains("<cells num='2'>")
                .contains("<cpu id='15' socket_id='1' die_id='0' core_id='7' siblings='15'/>")
                .contains("<model>testSecurity</model>").endsWith("</capabilities>\n");
        assertThat(c.getHostname()).isNotBlank();
    }

    @Test
    void capabilitiesAreVirshsByteForByte() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh is not installed");
        Process p = new ProcessBuilder("/usr/bin/virsh", "-c", "test:///default", "capabilities").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        // virsh prints the capabilities string followed by two new lines (checked with libvirt-python)
        assertThat(open("test:///default").getCapabilities() + "\n\n").isEqualTo(out);
    }

    @Test
    void dominfoOfTheDefaultDomain() {
        Connect c = open("test:///default");
        Domain d = c.domainLookupByName("test");
        assertThat(d.getID()).isEqualTo(1);
        assertThat(d.getUUIDString()).isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertThat(d.getOSType()).isEqualTo("linux");
        DomainInfo info = d.getInfo();
        assertThat(info.state()).isEqualTo(DomainState.RUNNING);
        assertThat(info.maxMemKiB()).isEqualTo(8388608);
        assertThat(info.memoryKiB()).isEqualTo(2097152);
        assertThat(info.nrVirtCpu()).isEqualTo(2);
        // the test driver reports the wall clock, in nanoseconds, as CPU time
        assertThat(info.cpuTimeNanos()).isGreaterThan(1_600_000_000L * 1_000_000_000L);
        assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.RUNNING, RunningReason.UNKNOWN.value()));
        assertThat(d.isPersistent()).isTrue();
        assertThat(d.getAutostart()).isFalse();
        assertThat(d.hasManagedSaveImage()).isFalse();
        assertThat(d.isUpdated()).isFalse();
        assertThat(d.getSecurityLabel().label()).isEqualTo("libvirt-test");
        assertThat(d.getSecurityLabel().enforcing()).isTrue();
        assertThat(d.getMaxMemory()).isEqualTo(8388608);
    }

    @Test
    void dumpxmlIsVirshs() throws IOException {
        Connect c = open("test:///default");
        Domain d = c.domainLookupByName("test");
        assertThat(d.getXMLDesc(Set.of())).isEqualTo(virsh("test-live.xml"));
        assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).isEqualTo(virsh("test-inactive.xml"));
    }

    @Test
    void lifecycleAsVirshShowsIt() {
        Connect c = open("test:///default");
        Domain d = c.domainLookupByName("test");
        d.suspend();
        assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.PAUSED, PausedReason.USER.value()));
        assertError(d::suspend, ErrorCode.INTERNAL_ERROR, "internal error: domain 'test' not running");
        d.resume();
        assertError(d::resume, ErrorCode.INTERNAL_ERROR, "internal error: domain 'test' not paused");
        assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.RUNNING, RunningReason.UNPAUSED.value()));
        assertError(d::create, ErrorCode.INTERNAL_ERROR, "internal error: Domain 'test' is already running");
        d.shutdown();
        assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.SHUTOFF, ShutoffReason.SHUTDOWN.value()));
        assertThat(c.domainLookupByName("test").getID()).isEqualTo(-1);
        assertThat(d.getSecurityLabel().label()).isEmpty();
        assertError(d::shutdown, ErrorCode.INTERNAL_ERROR, "internal error: domain 'test' not running");
        assertError(d::destroy, ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running");
        assertError(() -> d.reboot(Set.of()), ErrorCode.OPERATION_INVALID,
                "Requested operation is not valid: domain is not running");
        assertError(d::reset, ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running");
        d.create();
        Domain again = c.domainLookupByName("test");
        assertThat(again.getID()).isEqualTo(2);
        assertThat(c.domainLookupByID(2)).isEqualTo(again);
        again.reboot(Set.of());
        assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.RUNNING, RunningReason.BOOTED.value()));
        d.destroy();
        assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.SHUTOFF,
                ShutoffReason.DESTROYED.value()));
        assertThat(c.listAllDomains(Set.of())).containsExactly(d);
        d.undefine();
        assertThat(c.listAllDomains(Set.of())).isEmpty();
        assertError(d::getInfo, ErrorCode.NO_DOMAIN, "Domain not found: no domain with matching uuid "
                + "'6695eb01-f6a4-8304-79aa-97f2502e193f' (test)");
        assertThat(events).extracting(e -> ((DomainLifecycleEvent) e).type()).containsExactly(
                LifecycleEventType.SUSPENDED, LifecycleEventType.RESUMED, LifecycleEventType.STOPPED,
                LifecycleEventType.STARTED, LifecycleEventType.STOPPED, LifecycleEventType.UNDEFINED);
    }

    @Test
    void lookupsFailAsLibvirt() {
        Connect c = open("test:///default");
        for (Runnable r : List.<Runnable>of(() -> c.domainLookupByName("nosuch"), () -> c.domainLookupByID(7),
                () -> c.domainLookupByUUID(UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e1930")))) {
            assertThatThrownBy(r::run).isInstanceOfSatisfying(VirtException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NO_DOMAIN);
                assertThat(e.domain()).isEqualTo(ErrorDomain.TEST);
                assertThat(e.getMessage()).isEqualTo("Domain not found");
            });
        }
    }

    @Test
    void defaultStateIsSharedAndKept() {
        Connect a = open("test:///default");
        a.domainLookupByName("test").destroy();
        a.close();
        Connect b = open("test:///default");
        assertThat(b.domainLookupByName("test").getState().state()).isEqualTo(DomainState.SHUTOFF);
        assertThatThrownBy(a::getURI).isInstanceOf(VirtException.class);
    }

    @Test
    void eventsReachEveryConnection() {
        Connect a = open("test:///default");
        Connect b = open("test:///default");
        a.domainLookupByName("test").suspend();
        assertThat(events).hasSize(2);
        assertThat(events).extracting(e -> e.domain().getConnect()).containsExactlyInAnyOrder(a, b);
        b.close();
        a.domainLookupByName("test").resume();
        assertThat(events).hasSize(3);
    }

    @Test
    void defineCreateUndefineAsVirsh() throws IOException {
        Connect c = open("test:///default");
        for (String k : List.of("k1", "k2", "k4")) {
            String xml = virsh("define-" + k + ".in.xml");
            Domain d = c.domainDefineXML(xml);
            assertThat(d.getID()).isEqualTo(-1);
            String inactive = d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE));
            assertAsVirsh(inactive, "define-" + k + ".inactive.xml", virsh("define-" + k + ".inactive.xml"));
            d.create();
            String live = virsh("define-" + k + ".live.xml");
            // the live id counts up from the state's counter, as in the virsh session that made the file
            live = live.replaceFirst(" id='\\d+'", " id='" + c.domainLookupByName(k).getID() + "'");
            String liveXml = c.domainLookupByName(k).getXMLDesc(Set.of());
            assertAsVirsh(liveXml, "define-" + k + ".live.xml", live);
            assertThat(macs(liveXml)).as("%s: the MACs defined are the MACs started", k).isEqualTo(macs(inactive));
            c.domainLookupByName(k).destroy();
        }
        Domain d = c.domainDefineXML(virsh("define-k4.in.xml"));
        assertThat(((DomainLifecycleEvent) events.get(events.size() - 1)).detail()).isEqualTo(1);
        d.create();
        d.undefine();
        assertThat(d.isPersistent()).isFalse();
        assertThat(d.isActive()).isTrue();
        d.destroy();
        assertThat(c.listAllDomains(Set.of())).extracting(Domain::getName).containsExactly("test", "k1", "k2");
        String t2 = "<domain type='test'><name>t2</name><memory>1024</memory><os><type>hvm</type></os></domain>";
        Domain tr = c.domainCreateXML(t2, Set.of());
        assertThat(tr.isPersistent()).isFalse();
        assertThat(c.listAllDomains(EnumSet.of(ListDomainsFlag.TRANSIENT))).containsExactly(tr);
        assertThat(c.listAllDomains(EnumSet.of(ListDomainsFlag.INACTIVE))).extracting(Domain::getName)
                .containsExactly("k1", "k2");
        assertThat(c.listAllDomains(EnumSet.of(ListDomainsFlag.RUNNING, ListDomainsFlag.PERSISTENT)))
                .extracting(Domain::getName).containsExactly("test");
        tr.destroy();
        assertThat(c.listAllDomains(EnumSet.of(ListDomainsFlag.TRANSIENT))).isEmpty();
        assertError(() -> c.domainDefineXML(t2.replace("<name>t2</name>", "<name>k1</name><uuid>"
                + "6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>")), ErrorCode.OPERATION_FAILED,
                "operation failed: domain 'test' is already defined with uuid 6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertError(() -> c.domainDefineXML(t2.replace("t2", "test")), ErrorCode.OPERATION_FAILED,
                "operation failed: domain 'test' already exists with uuid 6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertError(() -> c.domainDefineXML("<domain"), ErrorCode.XML_DETAIL, null);
        assertError(() -> c.domainDefineXML(t2.replace("t2", "a\nb")), ErrorCode.XML_DETAIL,
                "invalid char in name: \n");
    }

    /**
     * {@code actual} is virsh's {@code expected} byte for byte, but where virsh/known-differences.txt names a text of
     * {@code file} that jvirt writes otherwise on purpose; each such text must still be in the recording.
     */
    private static void assertAsVirsh(String actual, String file, String expected) throws IOException {
        StringBuilder pattern = new StringBuilder();
        String rest = expected;
        for (String[] known : knownDifferences(file)) {
            int at = rest.indexOf(known[0]);
            assertThat(at).as("%s no longer holds %s: take it off virsh/known-differences.txt", file, known[0])
                    .isNotNegative();
            pattern.append(Pattern.quote(rest.substring(0, at))).append(known[1]);
            rest = rest.substring(at + known[0].length());
        }
        pattern.append(Pattern.quote(rest));
        assertThat(actual).as(file).matches(Pattern.compile(pattern.toString(), Pattern.DOTALL));
    }

    /** The known differences of {@code file}, in the file's order: {what virsh 9.0 wrote, regex of jvirt's text}. */
    private static List<String[]> knownDifferences(String file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String[] f : knownDifferences()) {
            if (f[0].equals(file)) {
                out.add(new String[] {f[1], f[2]});
            }
        }
        return out;
    }

    private static List<String[]> knownDifferences() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : virsh("known-differences.txt").split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split(" \\| ", 4);
                assertThat(f).as("virsh/known-differences.txt: %s", line).hasSize(4);
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void knownDifferencesNameOnlyComparedFiles() throws IOException {
        assertThat(knownDifferences()).extracting(f -> f[0])
                .allMatch(f -> f.matches("define-k[124]\\.(inactive|live)\\.xml"), "a define-k* file compared");
    }

    private static List<String> macs(String xml) {
        return Pattern.compile("<mac address='([^']*)'").matcher(xml).results().map(m -> m.group(1)).toList();
    }

    @Test
    void loadsLibvirtsTestNodeFile() throws IOException {
        String shared = System.getProperty("jvirt.shared");
        Path node = shared == null ? null : Path.of(shared, "libvirt-tests", "examples-test", "testnode.xml");
        Assumptions.assumeTrue(node != null && Files.exists(node), "../shared/libvirt-tests is absent");
        Connect c = open("test://" + node.toAbsolutePath());
        assertThat(c.nodeInfo()).isEqualTo(new NodeInfo("i986", 8192000, 50, 6000, 4, 4, 4, 2));
        assertThat(c.listAllDomains(Set.of())).extracting(Domain::getName).containsExactly("fv0", "fc4", "fc5");
        for (String name : List.of("fv0", "fc4", "fc5")) {
            assertThat(c.domainLookupByName(name).getXMLDesc(Set.of())).as(name)
                    .isEqualTo(virsh("testnode-" + name + ".xml"));
        }
        Connect other = open("test://" + node.toAbsolutePath());
        c.domainLookupByName("fv0").destroy();
        assertThat(other.domainLookupByName("fv0").isActive()).isTrue();
        Path inline = node.resolveSibling("testnodeinline.xml");
        Connect in = open("test://" + inline.toAbsolutePath());
        assertThat(in.domainLookupByName("fc5").getState()).isEqualTo(new DomainStateInfo(DomainState.PAUSED, 0));
    }

    @Test
    void opensAsLibvirt() {
        assertError(() -> open("test:///nonexistent.xml"), ErrorCode.XML_ERROR,
                "XML error: failed to parse xml document '/nonexistent.xml'");
        assertError(() -> open("test:///"), ErrorCode.INVALID_ARG,
                "invalid argument: testOpen: supply a path or use test:///default");
        assertThat(driver.open(new ConnectRequest(URI.create("test://host/default"), Set.of(), null, null)))
                .isEmpty();
        assertThat(driver.open(new ConnectRequest(URI.create("qemu:///system"), Set.of(), null, null))).isEmpty();
        assertThat(java.util.ServiceLoader.load(HypervisorDriver.class).stream().map(p -> p.type().getName()))
                .contains(TestHypervisorDriver.class.getName());
    }

    private static void assertError(Runnable r, ErrorCode code, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }

    @Test
    void nodeFileDomainsCarryLibvirtsTaintMessagesAndDefinedOnesDoNot() {
        String shared = System.getProperty("jvirt.shared");
        Path node = shared == null ? null : Path.of(shared, "libvirt-tests", "examples-test", "testnode.xml");
        Assumptions.assumeTrue(node != null && Files.exists(node), "testnode.xml is absent");
        Connect c = open("test://" + node);
        // virsh 9.0: "Messages:       tainted: network configuration using opaque shell scripts"
        assertThat(c.domainLookupByName("fc4").getMessages(Set.of()))
                .containsExactly("tainted: network configuration using opaque shell scripts");
        assertThat(c.domainLookupByName("fc4").getMessages(EnumSet.of(org.jvirt.api.DomainMessageType.DEPRECATION)))
                .isEmpty();
        Connect d = open("test:///default");
        Domain defined = d.domainDefineXML("<domain type='test'><name>tt</name><memory>1024</memory>"
                + "<os><type>hvm</type></os><devices><interface type='ethernet'><script path='/bin/true'/>"
                + "</interface></devices></domain>");
        assertThat(defined.getMessages(Set.of())).isEmpty();
        assertThat(d.domainLookupByName("test").getMessages(Set.of())).isEmpty();
    }
}
