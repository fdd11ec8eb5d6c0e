package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvirt.jmx.internal.JmxTestSupport.SERVER;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.util.Map;

import javax.management.JMX;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.jmx.BlockStats;
import org.jvirt.jmx.DomainMXBean;
import org.jvirt.jmx.InterfaceStats;
import org.jvirt.jmx.JvirtNotifications;
import org.jvirt.jmx.JvirtObjectNames;

/**
 * The Domain MBean's statistics (domstats, domblkstat, domifstat, dommemstat) and its operations for memory, vCPUs,
 * snapshots and block jobs, on the test driver's domain "test" (disk vda, interface testnet0), checked against what
 * virsh 9.0 prints for test:///default.
 */
class DomainStatsAndOperationsTest {
    static final String URI = "test:///default";
    static final ObjectName TEST = JvirtObjectNames.domain(URI, "test");
    static final String[] NONE = new String[0];

    private Connect api;
    private Domain test;
    private JmxComponent component;

    @BeforeEach
    void setUp() {
        assertThat(jvirtNames()).as("left over by an earlier test").isEmpty();
        // one platform for both: the test's own connection sees the domain JMX shows
        org.jvirt.api.ConnectFactory factory = JmxTestSupport.factory();
        api = factory.open(URI);
        test = api.domainLookupByName("test");
        component = new JmxComponent(factory, Map.of(JmxComponent.URIS, URI));
    }

    @AfterEach
    void tearDown() {
        component.deactivate();
        api.close();
    }

    // ---- statistics

    @Test
    void devicesAreThoseDomblklistAndDomiflistList() throws Exception {
        // virsh domblklist test: vda /guest/diskimage1; domiflist test: testnet0 network default
        assertThat((String[]) SERVER.getAttribute(TEST, "Disks")).containsExactly("vda");
        assertThat((String[]) SERVER.getAttribute(TEST, "Interfaces")).containsExactly("testnet0");
    }

    @Test
    void blockStatsArePerDiskCompositeDataWithDomblkstatsCounters() throws Exception {
        CompositeData[] stats = (CompositeData[]) SERVER.getAttribute(TEST, "BlockStats");

        assertThat(stats).hasSize(1);
        assertThat(stats[0].getCompositeType().keySet()).containsExactlyInAnyOrder("device", "readRequests",
                "readBytes", "writeRequests", "writeBytes", "errors");
        assertThat(stats[0].get("device")).isEqualTo("vda");
        // the test driver's counters grow with the clock (virsh domblkstat test vda): read after, never less
        org.jvirt.api.DomainBlockStats after = test.blockStats("vda");
        assertThat((Long) stats[0].get("readRequests")).isPositive().isLessThanOrEqualTo(after.rdReq());
        assertThat((Long) stats[0].get("writeBytes")).isPositive().isLessThanOrEqualTo(after.wrBytes());
        assertThat((Long) stats[0].get("errors")).isPositive().isLessThanOrEqualTo(after.errs());
    }

    @Test
    void interfaceStatsArePerInterfaceWithDomifstatsCounters() throws Exception {
        CompositeData[] stats = (CompositeData[]) SERVER.getAttribute(TEST, "InterfaceStats");

        assertThat(stats).hasSize(1);
        assertThat(stats[0].get("device")).isEqualTo("testnet0");
        assertThat(stats[0].getCompositeType().keySet()).containsExactlyInAnyOrder("device", "rxBytes",
                "rxPackets", "rxErrors", "rxDrops", "txBytes", "txPackets", "txErrors", "txDrops");
        org.jvirt.api.DomainInterfaceStats after = test.interfaceStats("testnet0");
        assertThat((Long) stats[0].get("rxBytes")).isPositive().isLessThanOrEqualTo(after.rxBytes());
        assertThat((Long) stats[0].get("txDrops")).isPositive().isLessThanOrEqualTo(after.txDrop());
    }

    @Test
    void memoryStatsUseDommemstatsNames() throws Exception {
        TabularData stats = (TabularData) SERVER.getAttribute(TEST, "MemoryStats");

        // virsh -c test:///default dommemstat test
        assertThat(value(stats, "actual")).isEqualTo(2097152L);
        assertThat(value(stats, "unused")).isEqualTo(1048576L);
        assertThat(value(stats, "available")).isEqualTo(2097152L);
        assertThat(value(stats, "rss")).isEqualTo(1048576L);
        assertThat(value(stats, "disk_caches")).isEqualTo(262144L);
        assertThat(stats.size()).isEqualTo(13);
    }

    @Test
    void statsAreWhatDomstatsPrints() throws Exception {
        TabularData stats = (TabularData) SERVER.getAttribute(TEST, "Stats");

        // virsh -c test:///default domstats test: state.state=1, state.reason=0
        assertThat(value(stats, "state.state")).isEqualTo("1");
        assertThat(value(stats, "state.reason")).isEqualTo("0");
        assertThat(stats.size()).isEqualTo(2);
    }

    @Test
    void aStoppedDomainsCountersFailWithLibvirtsMessage() throws Exception {
        test.destroy();

        assertThatThrownBy(() -> SERVER.getAttribute(TEST, "BlockStats")).isInstanceOf(RuntimeMBeanException.class)
                .cause().hasMessage(messageOf(() -> test.blockStats("vda")));
    }

    @Test
    void aJavaClientGetsTheStatisticsAsTheInterfacesClasses() {
        DomainMXBean proxy = JMX.newMXBeanProxy(SERVER, TEST, DomainMXBean.class, true);

        BlockStats[] blocks = proxy.getBlockStats();
        InterfaceStats[] ifaces = proxy.getInterfaceStats();

        assertThat(blocks).extracting(BlockStats::getDevice).containsExactly("vda");
        assertThat(ifaces).extracting(InterfaceStats::getDevice).containsExactly("testnet0");
        assertThat(proxy.getMemoryStats()).containsEntry("actual", 2097152L);
    }

    // ---- memory and vCPUs

    @Test
    void setMemoryAndSetCpusChangeTheRunningDomainAsSetmemAndSetvcpusDo() throws Exception {
        SERVER.invoke(TEST, "changeMemory", new Object[] {1048576L}, new String[] {"long"});
        SERVER.invoke(TEST, "changeCPUs", new Object[] {1}, new String[] {"int"});

        // virsh setmem test 1048576; setvcpus test 1; dominfo test
        assertThat(SERVER.getAttribute(TEST, "UsedMemoryKiB")).isEqualTo(1048576L);
        assertThat(SERVER.getAttribute(TEST, "CPUs")).isEqualTo(1);
        assertThat(test.getInfo().memoryKiB()).isEqualTo(1048576L);
        assertThat(SERVER.getAttribute(TEST, "MaxCPUs")).isEqualTo(test.getMaxVcpus());
    }

    @Test
    void setMaxMemoryOfARunningDomainFailsWithLibvirtsMessageAndChangesNothing() throws Exception {
        // virsh setmaxmem test 4000000: "cannot resize the maximum memory on an active domain"
        assertThatThrownBy(() -> SERVER.invoke(TEST, "changeMaxMemory", new Object[] {4000000L},
                new String[] {"long"})).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("Requested operation is not valid: cannot resize the maximum memory on an active domain");
        assertThat(SERVER.getAttribute(TEST, "MaxMemoryKiB")).isEqualTo(8388608L);
    }

    @Test
    void zeroMemoryIsRefusedAsLibvirtRefusesIt() {
        assertThatThrownBy(() -> SERVER.invoke(TEST, "changeMemory", new Object[] {0L}, new String[] {"long"}))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage(messageOf(() -> test.setMemoryFlags(0, java.util.Set.of())));
    }

    // ---- snapshots

    @Test
    void snapshotsAreCreatedListedRevertedAndDeleted() throws Exception {
        JmxTestSupport.Notifications own = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(TEST, own, null, null);

        // virsh snapshot-create-as test s1; snapshot-list test --name; snapshot-current test --name
        assertThat(SERVER.invoke(TEST, "createSnapshotNamed", new Object[] {"s1"}, new String[] {"java.lang.String"}))
                .isEqualTo("s1");
        assertThat((String[]) SERVER.getAttribute(TEST, "Snapshots")).containsExactly("s1");
        assertThat(SERVER.getAttribute(TEST, "CurrentSnapshot")).isEqualTo("s1");

        SERVER.invoke(TEST, "revertToSnapshot", new Object[] {"s1"}, new String[] {"java.lang.String"});
        assertThat(own.next(JvirtNotifications.DOMAIN_LIFECYCLE).getMessage()).contains("Snapshot");

        SERVER.invoke(TEST, "deleteSnapshot", new Object[] {"s1"}, new String[] {"java.lang.String"});
        assertThat((String[]) SERVER.getAttribute(TEST, "Snapshots")).isEmpty();
        assertThat(SERVER.getAttribute(TEST, "CurrentSnapshot")).isEqualTo("");
        assertThat(test.listAllSnapshots(java.util.Set.of())).isEmpty();
    }

    @Test
    void aSnapshotFromXmlKeepsItsNameAndDescription() throws Exception {
        Object name = SERVER.invoke(TEST, "createSnapshot", new Object[] {
            "<domainsnapshot><name>from-xml</name><description>before &lt;upgrade&gt;</description></domainsnapshot>"},
                new String[] {"java.lang.String"});

        assertThat(name).isEqualTo("from-xml");
        assertThat(test.snapshotLookupByName("from-xml").getXMLDesc(java.util.Set.of()))
                .contains("<description>before &lt;upgrade&gt;</description>");
    }

    @Test
    void anUnknownSnapshotFailsWithLibvirtsMessage() {
        // virsh snapshot-delete test nope
        assertThatThrownBy(() -> SERVER.invoke(TEST, "deleteSnapshot", new Object[] {"nope"},
                new String[] {"java.lang.String"})).cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Domain snapshot not found: no domain snapshot with matching name 'nope'");
    }

    // ---- block jobs (libvirt's test driver has none: the API's NO_SUPPORT reaches the console)

    @Test
    void blockJobOperationsTheDriverLacksFailWithLibvirtsNoSupport() {
        // virsh blockjob test vda --info; domblkthreshold test vda 100
        assertThatThrownBy(() -> SERVER.invoke(TEST, "blockJobInfo", new Object[] {"vda"},
                new String[] {"java.lang.String"})).cause().isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("this function is not supported by the connection driver: virDomainGetBlockJobInfo");
        assertThatThrownBy(() -> SERVER.invoke(TEST, "setBlockThreshold", new Object[] {"vda", 100L},
                new String[] {"java.lang.String", "long"})).cause()
                .hasMessage("this function is not supported by the connection driver: virDomainSetBlockThreshold");
        assertThatThrownBy(() -> SERVER.invoke(TEST, "blockJobAbort", new Object[] {"vda"},
                new String[] {"java.lang.String"})).cause()
                .hasMessage("this function is not supported by the connection driver: virDomainBlockJobAbort");
        assertThatThrownBy(() -> SERVER.invoke(TEST, "blockPull", new Object[] {"vda", 0L},
                new String[] {"java.lang.String", "long"})).cause()
                .hasMessage("this function is not supported by the connection driver: virDomainBlockPull");
        assertThatThrownBy(() -> SERVER.invoke(TEST, "blockCommit", new Object[] {"vda", "", "", 0L},
                new String[] {"java.lang.String", "java.lang.String", "java.lang.String", "long"})).cause()
                .hasMessage("this function is not supported by the connection driver: virDomainBlockCommit");
        assertThatThrownBy(() -> SERVER.invoke(TEST, "blockCopy", new Object[] {"vda", "<disk/>"},
                new String[] {"java.lang.String", "java.lang.String"})).cause()
                .hasMessage("this function is not supported by the connection driver: virDomainBlockCopy");
        assertThatThrownBy(() -> SERVER.invoke(TEST, "blockJobSetSpeed", new Object[] {"vda", 10L},
                new String[] {"java.lang.String", "long"})).cause()
                .hasMessage("this function is not supported by the connection driver: virDomainBlockJobSetSpeed");
    }

    @Test
    void theBlockJobWordsAreVirshs() {
        assertThat(BlockJobWords.type(org.jvirt.api.DomainBlockJobType.ACTIVE_COMMIT))
                .isEqualTo("Active Block Commit");
        assertThat(BlockJobWords.type(org.jvirt.api.DomainBlockJobType.PULL)).isEqualTo("Block Pull");
        assertThat(BlockJobWords.type(null)).isEqualTo("Unknown job");
    }

    private static Object value(TabularData table, String key) {
        CompositeData row = table.get(new Object[] {key});
        assertThat(row).as(key).isNotNull();
        return row.get("value");
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (org.jvirt.api.VirtException e) {
            return e.getMessage();
        }
        throw new AssertionError("the API call succeeded");
    }
}
