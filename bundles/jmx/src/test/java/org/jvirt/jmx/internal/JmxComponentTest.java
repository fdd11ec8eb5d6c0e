package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvirt.jmx.internal.JmxTestSupport.SERVER;
import static org.jvirt.jmx.internal.JmxTestSupport.await;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.management.AttributeChangeNotification;
import javax.management.Descriptor;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.TabularData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.jmx.JvirtObjectNames;

/**
 * The component against the real platform: core's standalone factory and the test driver's {@code test:///default}
 * host (libvirt's default state: one running domain "test", network "default", pool "default-pool"), in the
 * platform MBeanServer.
 */
class JmxComponentTest {
    static final String URI = "test:///default";
    static final ObjectName CONNECTION = JvirtObjectNames.connection(URI);
    static final ObjectName TEST = JvirtObjectNames.domain(URI, "test");
    static final ObjectName NETWORK = JvirtObjectNames.network(URI, "default");
    static final ObjectName POOL = JvirtObjectNames.storagePool(URI, "default-pool");
    static final ObjectName ETH1 = JvirtObjectNames.hostInterface(URI, "eth1");
    /** What test:///default has (virsh -c test:///default list --all, net-list, pool-list, iface-list, nodedev). */
    static final java.util.List<ObjectName> DEFAULT_HOST = java.util.List.of(CONNECTION, TEST, NETWORK, POOL, ETH1,
            JvirtObjectNames.nodeDevice(URI, "computer"), JvirtObjectNames.nodeDevice(URI, "scsi_host1"),
            JvirtObjectNames.nodeDevice(URI, "scsi_host2"), JvirtObjectNames.nodeDevice(URI, "scsi_host11"));

    private ConnectFactory factory;
    private Connect api;
    private JmxComponent component;

    @BeforeEach
    void setUp() {
        assertThat(jvirtNames()).as("left over by an earlier test").isEmpty();
        factory = JmxTestSupport.factory();
        // the test's own connection to the same host, to change it "elsewhere" and to check what JMX did
        api = factory.open(URI);
        component = new JmxComponent(factory, Map.of(JmxComponent.URIS, URI));
    }

    @AfterEach
    void tearDown() {
        component.deactivate();
        api.close();
    }

    // ---- what is registered, and what it reads

    @Test
    void theConnectionAndItsDomainAreRegisteredUnderTheirNames() {
        assertThat(jvirtNames()).containsExactlyInAnyOrderElementsOf(DEFAULT_HOST);
        assertThat(CONNECTION.toString()).isEqualTo("org.jvirt:type=Connection,uri=\"test:///default\"");
        assertThat(TEST.toString()).isEqualTo("org.jvirt:type=Domain,connection=\"test:///default\",name=\"test\"");
    }

    @Test
    void connectionAttributesAreTheHostsAsVirshShowsThem() throws Exception {
        // virsh -c test:///default version / nodeinfo
        assertThat(SERVER.getAttribute(CONNECTION, "URI")).isEqualTo(URI);
        assertThat(SERVER.getAttribute(CONNECTION, "HypervisorType")).isEqualTo("TEST");
        assertThat(SERVER.getAttribute(CONNECTION, "HypervisorVersion")).isEqualTo("0.0.2");
        assertThat(SERVER.getAttribute(CONNECTION, "HypervisorVersionNumber")).isEqualTo(2L);
        assertThat(SERVER.getAttribute(CONNECTION, "LibVersion")).isEqualTo("9.0.0");
        assertThat(SERVER.getAttribute(CONNECTION, "LibVersionNumber")).isEqualTo(9_000_000L);
        assertThat(SERVER.getAttribute(CONNECTION, "Hostname")).isEqualTo(api.getHostname());
        assertThat(SERVER.getAttribute(CONNECTION, "Alive")).isEqualTo(true);
        assertThat(SERVER.getAttribute(CONNECTION, "CPUModel")).isEqualTo("i686");
        assertThat(SERVER.getAttribute(CONNECTION, "CPUs")).isEqualTo(16);
        assertThat(SERVER.getAttribute(CONNECTION, "CPUFrequencyMHz")).isEqualTo(1400);
        assertThat(SERVER.getAttribute(CONNECTION, "CPUSockets")).isEqualTo(2);
        assertThat(SERVER.getAttribute(CONNECTION, "CoresPerSocket")).isEqualTo(2);
        assertThat(SERVER.getAttribute(CONNECTION, "ThreadsPerCore")).isEqualTo(2);
        assertThat(SERVER.getAttribute(CONNECTION, "NUMACells")).isEqualTo(2);
        assertThat(SERVER.getAttribute(CONNECTION, "MemoryKiB")).isEqualTo(3145728L);
        assertThat(SERVER.getAttribute(CONNECTION, "ActiveDomains")).isEqualTo(1);
        assertThat(SERVER.getAttribute(CONNECTION, "InactiveDomains")).isEqualTo(0);
        assertThat((ObjectName[]) SERVER.getAttribute(CONNECTION, "Domains")).containsExactly(TEST);
    }

    @Test
    void domainAttributesAreWhatDominfoShows() throws Exception {
        // virsh -c test:///default dominfo test
        assertThat(SERVER.getAttribute(TEST, "Id")).isEqualTo(1);
        assertThat(SERVER.getAttribute(TEST, "Name")).isEqualTo("test");
        assertThat(SERVER.getAttribute(TEST, "UUID")).isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertThat(SERVER.getAttribute(TEST, "OSType")).isEqualTo("linux");
        assertThat(SERVER.getAttribute(TEST, "State")).isEqualTo("running");
        assertThat(SERVER.getAttribute(TEST, "CPUs")).isEqualTo(2);
        assertThat((Long) SERVER.getAttribute(TEST, "CPUTime")).isPositive();
        assertThat(SERVER.getAttribute(TEST, "MaxMemoryKiB")).isEqualTo(8388608L);
        assertThat(SERVER.getAttribute(TEST, "UsedMemoryKiB")).isEqualTo(2097152L);
        assertThat(SERVER.getAttribute(TEST, "Persistent")).isEqualTo(true);
        assertThat(SERVER.getAttribute(TEST, "Autostart")).isEqualTo(false);
        assertThat(SERVER.getAttribute(TEST, "ManagedSave")).isEqualTo(false);
        assertThat(SERVER.getAttribute(TEST, "SecurityModel")).isEqualTo("testSecurity");
        assertThat(SERVER.getAttribute(TEST, "SecurityDOI")).isEqualTo("");
        assertThat(SERVER.getAttribute(TEST, "SecurityLabel")).isEqualTo("libvirt-test");
        assertThat(SERVER.getAttribute(TEST, "SecurityLabelEnforcing")).isEqualTo(true);
        assertThat((String) SERVER.getAttribute(TEST, "XML")).startsWith("<domain type='test'")
                .contains("<name>test</name>");
    }

    @Test
    void stateReasonIsInVirshsWords() throws Exception {
        // virsh -c test:///default domstate test --reason: "running (unknown)"
        assertThat(SERVER.getAttribute(TEST, "StateReason")).isEqualTo("unknown");

        api.domainLookupByName("test").suspend();

        // virsh: "paused (user)"
        assertThat(SERVER.getAttribute(TEST, "State")).isEqualTo("paused");
        assertThat(SERVER.getAttribute(TEST, "StateReason")).isEqualTo("user");
    }

    @Test
    void attributesAreLive() throws Exception {
        api.domainLookupByName("test").destroy();

        assertThat(SERVER.getAttribute(TEST, "State")).isEqualTo("shut off");
        assertThat(SERVER.getAttribute(TEST, "StateReason")).isEqualTo("destroyed");
        assertThat(SERVER.getAttribute(TEST, "Id")).isEqualTo(-1);
        assertThat(SERVER.getAttribute(TEST, "SecurityLabel")).isEqualTo("");
        assertThat(SERVER.getAttribute(CONNECTION, "ActiveDomains")).isEqualTo(0);
        assertThat(SERVER.getAttribute(CONNECTION, "InactiveDomains")).isEqualTo(1);
    }

    @Test
    void autostartIsWritable() throws Exception {
        SERVER.setAttribute(TEST, new javax.management.Attribute("Autostart", true));

        assertThat(api.domainLookupByName("test").getAutostart()).isTrue();
        assertThat(SERVER.getAttribute(TEST, "Autostart")).isEqualTo(true);
    }

    // ---- what a console needs

    @Test
    void bothAreMXBeansWithOpenTypesOnly() throws Exception {
        for (ObjectName name : new ObjectName[] {CONNECTION, TEST}) {
            MBeanInfo info = SERVER.getMBeanInfo(name);
            assertThat(info.getDescriptor().getFieldValue("mxbean")).as(name + " mxbean").isEqualTo("true");
            for (MBeanAttributeInfo a : info.getAttributes()) {
                assertOpen(name + " attribute " + a.getName(), a.getType(), a.getDescriptor());
            }
            for (MBeanOperationInfo o : info.getOperations()) {
                assertOpen(name + " operation " + o.getName(), o.getReturnType(), o.getDescriptor());
                for (MBeanParameterInfo p : o.getSignature()) {
                    assertOpen(name + " " + o.getName() + " parameter", p.getType(), p.getDescriptor());
                }
            }
        }
    }

    private static void assertOpen(String what, String type, Descriptor descriptor) {
        assertThat(descriptor.getFieldValue("openType")).as(what + " open type").isNotNull();
        assertThat(type).as(what + " type").matches("(java\\.|javax\\.|\\[Ljava|\\[Ljavax|void|int|long|boolean).*");
    }

    @Test
    void consolesSeeDescriptionsAndParameterNames() throws Exception {
        MBeanInfo connection = SERVER.getMBeanInfo(CONNECTION);
        MBeanOperationInfo define = java.util.Arrays.stream(connection.getOperations())
                .filter(o -> o.getName().equals("defineXML")).findFirst().orElseThrow();

        assertThat(define.getSignature()[0].getName()).isEqualTo("xml");
        assertThat(define.getDescription()).startsWith("Defines (or redefines) a persistent domain");
        assertThat(connection.getDescription()).startsWith("A connection to a hypervisor");
        MBeanAttributeInfo state = java.util.Arrays.stream(SERVER.getMBeanInfo(TEST).getAttributes())
                .filter(a -> a.getName().equals("State")).findFirst().orElseThrow();
        assertThat(state.getDescription()).startsWith("The state in virsh's words");
    }

    @Test
    void domainsDeclareTheirStateChangesAndEveryEventTypeTheApiDelivers() throws Exception {
        MBeanNotificationInfo[] infos = SERVER.getMBeanInfo(TEST).getNotifications();

        assertThat(infos).hasSize(1 + org.jvirt.api.event.DomainEventId.values().length);
        assertThat(infos).extracting(i -> i.getNotifTypes()[0]).startsWith(
                AttributeChangeNotification.ATTRIBUTE_CHANGE, "jvirt.domain.lifecycle", "jvirt.domain.reboot")
                .contains("jvirt.domain.block-job", "jvirt.domain.block-threshold", "jvirt.domain.tunable",
                        "jvirt.domain.memory-device-size-change");
        assertThat(infos[0].getName()).isEqualTo(AttributeChangeNotification.class.getName());
        assertThat(infos[1].getName()).isEqualTo(javax.management.Notification.class.getName());
        assertThat(infos[1].getDescriptor().getFieldValue("openType")).isInstanceOf(CompositeType.class);
        assertThat(SERVER.isInstanceOf(TEST, javax.management.NotificationEmitter.class.getName())).isTrue();
        assertThat(SERVER.getMBeanInfo(CONNECTION).getNotifications()).extracting(i -> i.getNotifTypes()[0])
                .hasSize(org.jvirt.api.event.DomainEventId.values().length + 7).startsWith("jvirt.domain.lifecycle")
                .endsWith("jvirt.network.lifecycle", "jvirt.storage-pool.lifecycle", "jvirt.storage-pool.refresh",
                        "jvirt.node-device.lifecycle", "jvirt.node-device.update", "jvirt.secret.lifecycle",
                        "jvirt.secret.value-changed");
    }

    @Test
    void aLifecycleEventIsATypedNotificationOfTheDomainAndOfTheConnection() throws Exception {
        JmxTestSupport.Notifications ofDomain = new JmxTestSupport.Notifications();
        JmxTestSupport.Notifications ofConnection = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(TEST, ofDomain, null, null);
        SERVER.addNotificationListener(CONNECTION, ofConnection, null, null);

        api.domainLookupByName("test").suspend();

        javax.management.Notification n = ofDomain.next("jvirt.domain.lifecycle");
        // the line virsh event --event lifecycle prints for it
        assertThat(n.getMessage()).isEqualTo("event 'lifecycle' for domain 'test': Suspended Paused");
        assertThat(n.getSource()).isEqualTo(TEST);
        CompositeData data = (CompositeData) n.getUserData();
        assertThat(data.get("connection")).isEqualTo(URI);
        assertThat(data.get("domain")).isEqualTo("test");
        assertThat(data.get("uuid")).isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertThat(data.get("event")).isEqualTo("Suspended");
        assertThat(data.get("detail")).isEqualTo("Paused");
        assertThat(data.get("eventNumber")).isEqualTo(3);
        assertThat(data.get("detailNumber")).isEqualTo(0);

        javax.management.Notification relayed = ofConnection.next("jvirt.domain.lifecycle");
        assertThat(relayed.getSource()).isEqualTo(CONNECTION);
        assertThat(relayed.getUserData()).isEqualTo(data);
        assertThat(relayed.getMessage()).isEqualTo(n.getMessage());
    }

    @Test
    void anUndefinedDomainsLastNotificationsComeBeforeItsMBeanGoes() throws Exception {
        ObjectName name = JvirtObjectNames.domain(URI, "jmx-short-lived");
        JmxTestSupport.Notifications ofConnection = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(CONNECTION, ofConnection, null, null);
        Domain d = api.domainDefineXML(domainXml("jmx-short-lived"));
        await("MBean of the defined domain", () -> SERVER.isRegistered(name));
        assertThat(ofConnection.next("jvirt.domain.lifecycle").getMessage())
                .isEqualTo("event 'lifecycle' for domain 'jmx-short-lived': Defined Added");
        JmxTestSupport.Notifications ofDomain = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(name, ofDomain, null, null);

        d.undefine();

        assertThat(ofDomain.next("jvirt.domain.lifecycle").getMessage())
                .isEqualTo("event 'lifecycle' for domain 'jmx-short-lived': Undefined Removed");
        assertThat(ofConnection.next("jvirt.domain.lifecycle").getMessage())
                .isEqualTo("event 'lifecycle' for domain 'jmx-short-lived': Undefined Removed");
        await("MBean of the undefined domain removed", () -> !SERVER.isRegistered(name));
    }

    @Test
    void theConnectionShowsItsCapabilitiesAndItsObjectCounts() throws Exception {
        assertThat(SERVER.getAttribute(CONNECTION, "Capabilities")).isEqualTo(api.getCapabilities());
        assertThat((String) SERVER.getAttribute(CONNECTION, "Capabilities")).startsWith("<capabilities>");
        TabularData counts = (TabularData) SERVER.getAttribute(CONNECTION, "ObjectCounts");
        assertThat(counts.get(new Object[] {"Domain"}).get("value")).isEqualTo(1);

        api.domainDefineXML(domainXml("jmx-counted"));

        await("two domains counted", () -> counts(CONNECTION).get(new Object[] {"Domain"}).get("value").equals(2));
    }

    private static TabularData counts(ObjectName connection) {
        try {
            return (TabularData) SERVER.getAttribute(connection, "ObjectCounts");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- operations

    @Test
    void anOperationThroughTheServerChangesTheDomainAndIsNotified() throws Exception {
        JmxTestSupport.Notifications notifications = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(TEST, notifications, null, null);

        SERVER.invoke(TEST, "suspend", new Object[0], new String[0]);

        assertThat(api.domainLookupByName("test").getState().state()).isEqualTo(DomainState.PAUSED);
        assertThat(SERVER.getAttribute(TEST, "State")).isEqualTo("paused");
        AttributeChangeNotification change = notifications.nextStateChange();
        assertThat(change.getOldValue()).isEqualTo("running");
        assertThat(change.getNewValue()).isEqualTo("paused");
        assertThat(change.getAttributeType()).isEqualTo(String.class.getName());
        assertThat(change.getSource()).isEqualTo(TEST);

        SERVER.invoke(TEST, "resume", new Object[0], new String[0]);

        assertThat(api.domainLookupByName("test").getState().state()).isEqualTo(DomainState.RUNNING);
        AttributeChangeNotification back = notifications.nextStateChange();
        assertThat(back.getOldValue()).isEqualTo("paused");
        assertThat(back.getNewValue()).isEqualTo("running");
        assertThat(back.getSequenceNumber()).isGreaterThan(change.getSequenceNumber());
    }

    @Test
    void lifecycleOperationsReachTheDomain() throws Exception {
        SERVER.invoke(TEST, "destroy", new Object[0], new String[0]);
        assertThat(api.domainLookupByName("test").getState().state()).isEqualTo(DomainState.SHUTOFF);

        SERVER.invoke(TEST, "start", new Object[0], new String[0]);
        assertThat(api.domainLookupByName("test").isActive()).isTrue();

        SERVER.invoke(TEST, "shutdown", new Object[0], new String[0]);
        assertThat(api.domainLookupByName("test").getState().state()).isEqualTo(DomainState.SHUTOFF);
        assertThat(SERVER.isRegistered(TEST)).as("a persistent domain keeps its MBean when it stops").isTrue();
    }

    @Test
    void anInvalidOperationFailsWithLibvirtsMessageAndChangesNothing() {
        // virsh -c test:///default resume test: "error: internal error: domain 'test' not paused"
        assertThatThrownBy(() -> SERVER.invoke(TEST, "resume", new Object[0], new String[0]))
                .isInstanceOf(RuntimeMBeanException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("internal error: domain 'test' not paused")
                .hasNoCause();
        assertThat(api.domainLookupByName("test").getState().state()).isEqualTo(DomainState.RUNNING);
    }

    // ---- MBeans come and go with the domains

    @Test
    void aDomainDefinedThroughTheApiGetsAnMBeanAndLosesItWhenUndefined() throws Exception {
        ObjectName name = JvirtObjectNames.domain(URI, "jmx-defined");

        Domain d = api.domainDefineXML(domainXml("jmx-defined"));

        await("MBean of the defined domain", () -> SERVER.isRegistered(name));
        assertThat(SERVER.getAttribute(name, "State")).isEqualTo("shut off");
        assertThat(SERVER.getAttribute(name, "Persistent")).isEqualTo(true);

        d.undefine();

        await("MBean of the undefined domain removed", () -> !SERVER.isRegistered(name));
        assertThat(jvirtNames()).containsExactlyInAnyOrderElementsOf(DEFAULT_HOST);
    }

    @Test
    void aTransientDomainStartedElsewhereGetsAnMBeanUntilItStops() throws Exception {
        ObjectName name = JvirtObjectNames.domain(URI, "jmx-transient");

        Domain d = api.domainCreateXML(domainXml("jmx-transient"), java.util.Set.of());

        await("MBean of the transient domain", () -> SERVER.isRegistered(name));
        assertThat(SERVER.getAttribute(name, "State")).isEqualTo("running");
        assertThat(SERVER.getAttribute(name, "Persistent")).isEqualTo(false);

        d.destroy();

        await("MBean of the stopped transient domain removed", () -> !SERVER.isRegistered(name));
    }

    @Test
    void undefiningARunningDomainKeepsItsMBeanUntilItStops() throws Exception {
        JmxTestSupport.Notifications notifications = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(TEST, notifications, null, null);

        SERVER.invoke(TEST, "undefine", new Object[0], new String[0]);

        assertThat(api.domainLookupByName("test").isPersistent()).isFalse();
        // the UNDEFINED event has been handled once a later event of the same connection has
        SERVER.invoke(TEST, "suspend", new Object[0], new String[0]);
        assertThat(notifications.nextStateChange().getNewValue()).isEqualTo("paused");
        assertThat(SERVER.isRegistered(TEST)).isTrue();
        assertThat(SERVER.getAttribute(TEST, "Persistent")).isEqualTo(false);

        SERVER.invoke(TEST, "destroy", new Object[0], new String[0]);

        await("MBean of the transient domain removed once stopped", () -> !SERVER.isRegistered(TEST));
    }

    @Test
    void defineAndCreateThroughTheConnectionMBeanReturnTheNameAndRegisterAtOnce() throws Exception {
        Object defined = SERVER.invoke(CONNECTION, "defineXML", new Object[] {domainXml("jmx-op-defined")},
                new String[] {String.class.getName()});
        Object created = SERVER.invoke(CONNECTION, "createXML", new Object[] {domainXml("jmx-op-created")},
                new String[] {String.class.getName()});

        assertThat(defined).isEqualTo("jmx-op-defined");
        assertThat(created).isEqualTo("jmx-op-created");
        assertThat(SERVER.isRegistered(JvirtObjectNames.domain(URI, "jmx-op-defined"))).isTrue();
        assertThat(SERVER.isRegistered(JvirtObjectNames.domain(URI, "jmx-op-created"))).isTrue();
        assertThat(api.domainLookupByName("jmx-op-defined").isActive()).isFalse();
        assertThat(api.domainLookupByName("jmx-op-created").isActive()).isTrue();
    }

    @Test
    void badXmlFailsWithLibvirtsMessageAndRegistersNothing() {
        String expected = messageOf(() -> api.domainDefineXML("<domain type='test'>"));

        assertThatThrownBy(() -> SERVER.invoke(CONNECTION, "defineXML", new Object[] {"<domain type='test'>"},
                new String[] {String.class.getName()}))
                .isInstanceOf(RuntimeMBeanException.class)
                .cause().hasMessage(expected).hasNoCause();
        assertThat(jvirtNames()).containsExactlyInAnyOrderElementsOf(DEFAULT_HOST);
    }

    @Test
    void lookupsGiveTheDomainsMBeanName() throws Exception {
        String[] string = {String.class.getName()};
        assertThat(SERVER.invoke(CONNECTION, "lookupDomainByName", new Object[] {"test"}, string)).isEqualTo(TEST);
        assertThat(SERVER.invoke(CONNECTION, "lookupDomainByUUID",
                new Object[] {"6695eb01f6a4830479aa97f2502e193f"}, string)).isEqualTo(TEST);
        assertThat(SERVER.invoke(CONNECTION, "lookupDomainByID", new Object[] {1}, new String[] {"int"}))
                .isEqualTo(TEST);
        assertThatThrownBy(() -> SERVER.invoke(CONNECTION, "lookupDomainByName", new Object[] {"nosuch"}, string))
                .cause().hasMessage(messageOf(() -> api.domainLookupByName("nosuch")));
    }

    // ---- configuration and the end

    @Test
    void deactivationLeavesNoMBeanAndNoConnection() {
        int before = connectionsOfTestDriver();

        component.deactivate();

        assertThat(jvirtNames()).isEmpty();
        assertThat(connectionsOfTestDriver()).isEqualTo(before - 1);
        assertThat(component.exportedUris()).isEmpty();
    }

    @Test
    void aUriThatCannotBeOpenedKeepsNoOtherOut() {
        component.deactivate();

        component = new JmxComponent(factory, Map.of(JmxComponent.URIS, new String[] {"nosuch:///x", URI}));

        assertThat(component.exportedUris()).containsExactly(URI);
        assertThat(jvirtNames()).containsExactlyInAnyOrderElementsOf(DEFAULT_HOST);
    }

    @Test
    void droppingTheUriFromTheConfigurationRemovesItsMBeans() {
        int before = connectionsOfTestDriver();

        component.modified(Map.of(JmxComponent.URIS, "nosuch:///x"));

        assertThat(jvirtNames()).isEmpty();
        assertThat(connectionsOfTestDriver()).isEqualTo(before - 1);

        component.modified(Map.of(JmxComponent.URIS, URI));

        assertThat(jvirtNames()).containsExactlyInAnyOrderElementsOf(DEFAULT_HOST);
    }

    @Test
    void aUriAddedAtRunTimeIsOpenedBesideTheOthersAndTheDroppedOneClosed(@TempDir Path dir) throws Exception {
        Path node = dir.resolve("node.xml");
        Files.writeString(node, "<node>" + domainXml("other") + "</node>");
        String other = "test://" + node.toAbsolutePath();

        component.modified(Map.of(JmxComponent.URIS, new String[] {URI, other}));

        ObjectName otherConnection = JvirtObjectNames.connection(other);
        ObjectName otherDomain = JvirtObjectNames.domain(other, "other");
        assertThat(component.exportedUris()).containsExactlyInAnyOrder(URI, other);
        assertThat(jvirtNames()).containsAll(DEFAULT_HOST).contains(otherConnection, otherDomain);
        assertThat(SERVER.getAttribute(otherConnection, "URI")).isEqualTo(other);
        // virsh -c test:///PATH domstate other: a node file's domains start running
        assertThat(SERVER.getAttribute(otherDomain, "State")).isEqualTo("running");

        component.modified(Map.of(JmxComponent.URIS, other));

        assertThat(component.exportedUris()).containsExactly(other);
        assertThat(jvirtNames()).contains(otherConnection, otherDomain).doesNotContainAnyElementsOf(DEFAULT_HOST)
                .allSatisfy(n -> assertThat(n.getKeyProperty(n.equals(otherConnection) ? "uri" : "connection"))
                        .isEqualTo(ObjectName.quote(other)));
    }

    @Test
    void withoutConfigurationTheDefaultUriIsExported() {
        component.deactivate();

        component = new JmxComponent(factory, Map.of());

        assertThat(component.exportedUris()).containsExactly(factory.defaultUri());
        try (Connect c = factory.open(null)) {
            assertThat(SERVER.isRegistered(JvirtObjectNames.connection(c.getURI()))).isTrue();
        }
    }

    // ---- helpers

    private int connectionsOfTestDriver() {
        return factory.drivers().stream().filter(d -> d.uriSchemes().contains("test"))
                .mapToInt(org.jvirt.api.DriverInfo::connections).sum();
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the call to fail");
    }

    static String domainXml(String name) {
        return "<domain type='test'><name>" + name + "</name><memory>8192</memory>"
                + "<os><type>hvm</type></os></domain>";
    }
}
