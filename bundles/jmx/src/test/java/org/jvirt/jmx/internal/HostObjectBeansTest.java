package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvirt.jmx.internal.JmxTestSupport.SERVER;
import static org.jvirt.jmx.internal.JmxTestSupport.await;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.util.Map;
import java.util.Set;

import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.StoragePool;
import org.jvirt.jmx.JvirtNotifications;
import org.jvirt.jmx.JvirtObjectNames;

/**
 * Node devices, host interfaces and storage volumes as MBeans, on the test driver's {@code test:///default} (four
 * devices: computer, scsi_host1, scsi_host2, scsi_host11; interface eth1; pool default-pool without volumes; no
 * secrets, as libvirt's test driver), checked against what virsh 9.0 prints for the same host.
 */
class HostObjectBeansTest {
    static final String URI = "test:///default";
    static final ObjectName CONNECTION = JvirtObjectNames.connection(URI);
    static final ObjectName COMPUTER = JvirtObjectNames.nodeDevice(URI, "computer");
    static final ObjectName HOST11 = JvirtObjectNames.nodeDevice(URI, "scsi_host11");
    static final ObjectName VHBA = JvirtObjectNames.nodeDevice(URI, "scsi_host12");
    static final ObjectName ETH1 = JvirtObjectNames.hostInterface(URI, "eth1");
    static final String VHBA_XML = "<device><capability type='scsi_host'><capability type='fc_host'>"
            + "<wwnn>2000000012341234</wwnn><wwpn>1000000012341234</wwpn></capability></capability></device>";

    private ConnectFactory factory;
    private Connect api;
    private JmxComponent component;
    private final JmxTestSupport.Notifications relayed = new JmxTestSupport.Notifications();

    @BeforeEach
    void setUp() throws Exception {
        assertThat(jvirtNames()).as("left over by an earlier test").isEmpty();
        factory = JmxTestSupport.factory();
        api = factory.open(URI);
        component = new JmxComponent(factory, Map.of(JmxComponent.URIS, URI));
        SERVER.addNotificationListener(CONNECTION, relayed, null, null);
    }

    @AfterEach
    void tearDown() {
        component.deactivate();
        api.close();
    }

    // ---- node devices

    @Test
    void theHostsDevicesAreRegisteredWithWhatNodedevInfoShows() throws Exception {
        assertThat(jvirtNames()).contains(COMPUTER, HOST11, JvirtObjectNames.nodeDevice(URI, "scsi_host1"),
                JvirtObjectNames.nodeDevice(URI, "scsi_host2"));
        assertThat(COMPUTER.toString()).isEqualTo(
                "org.jvirt:type=NodeDevice,connection=\"test:///default\",name=\"computer\"");
        // virsh -c test:///default nodedev-info computer: Name, Parent (empty), ...
        assertThat(SERVER.getAttribute(COMPUTER, "Name")).isEqualTo("computer");
        assertThat(SERVER.getAttribute(COMPUTER, "Parent")).isEqualTo("");
        assertThat((String[]) SERVER.getAttribute(COMPUTER, "Capabilities")).containsExactly("system");
        // virsh nodedev-info scsi_host11: Parent: scsi_host1
        assertThat(SERVER.getAttribute(HOST11, "Parent")).isEqualTo("scsi_host1");
        assertThat((String[]) SERVER.getAttribute(HOST11, "Capabilities")).contains("scsi_host")
                .containsExactlyElementsOf(api.nodeDeviceLookupByName("scsi_host11").listCaps());
        // virsh nodedev-dumpxml scsi_host11
        assertThat(SERVER.getAttribute(HOST11, "XML")).isEqualTo(api.nodeDeviceLookupByName("scsi_host11")
                .getXMLDesc());
        assertThat((String) SERVER.getAttribute(HOST11, "XML")).startsWith("<device>")
                .contains("<name>scsi_host11</name>");
    }

    @Test
    void whatTheDriverCannotTellFailsWithLibvirtsMessage() {
        // jvirt's test driver does not implement virNodeDeviceIsActive: the attribute says so, as the API does
        assertThatThrownBy(() -> SERVER.getAttribute(COMPUTER, "Active")).isInstanceOf(RuntimeMBeanException.class)
                .cause().isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("this function is not supported by the connection driver: virNodeDeviceIsActive");
    }

    @Test
    void aVhbaCreatedThroughTheApiGetsAnMBeanAndDestroyingItThroughTheMBeanRemovesIt() throws Exception {
        api.nodeDeviceCreateXML(VHBA_XML, Set.of());

        Notification created = relayed.next(JvirtNotifications.NODE_DEVICE_LIFECYCLE);
        // virsh nodedev-event --event lifecycle
        assertThat(created.getMessage()).isEqualTo("event 'lifecycle' for node device scsi_host12: Created");
        CompositeData data = (CompositeData) created.getUserData();
        assertThat(data.getCompositeType().keySet()).containsExactlyInAnyOrder("connection", "device", "event",
                "eventNumber", "detail");
        assertThat(data.get("device")).isEqualTo("scsi_host12");
        assertThat(data.get("eventNumber")).isEqualTo(0);
        assertThat(SERVER.isRegistered(VHBA)).isTrue();
        JmxTestSupport.Notifications own = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(VHBA, own, null, null);

        SERVER.invoke(VHBA, "destroy", new Object[0], new String[0]);

        assertThat(own.next(JvirtNotifications.NODE_DEVICE_LIFECYCLE).getMessage())
                .isEqualTo("event 'lifecycle' for node device scsi_host12: Deleted");
        await("the vHBA's MBean gone", () -> !SERVER.isRegistered(VHBA));
        assertThat(api.nodeListDevices(null)).doesNotContain("scsi_host12");
    }

    @Test
    void devicesDeclareTheirNotifications() throws Exception {
        MBeanNotificationInfo[] infos = SERVER.getMBeanInfo(COMPUTER).getNotifications();
        assertThat(infos).extracting(i -> i.getNotifTypes()[0]).containsExactly(
                AttributeChangeNotification.ATTRIBUTE_CHANGE, JvirtNotifications.NODE_DEVICE_LIFECYCLE,
                JvirtNotifications.NODE_DEVICE_UPDATE);
    }

    // ---- interfaces

    @Test
    void theHostsInterfacesShowWhatIfaceListAndDumpxmlShow() throws Exception {
        assertThat(ETH1.toString()).isEqualTo("org.jvirt:type=Interface,connection=\"test:///default\",name=\"eth1\"");
        // virsh -c test:///default iface-list --all: eth1 active aa:bb:cc:dd:ee:ff
        assertThat(SERVER.getAttribute(ETH1, "Name")).isEqualTo("eth1");
        assertThat(SERVER.getAttribute(ETH1, "MAC")).isEqualTo("aa:bb:cc:dd:ee:ff");
        assertThat(SERVER.getAttribute(ETH1, "Active")).isEqualTo(true);
        // virsh iface-dumpxml eth1
        assertThat((String) SERVER.getAttribute(ETH1, "XML")).startsWith("<interface type='ethernet' name='eth1'>")
                .contains("<mac address='aa:bb:cc:dd:ee:ff'/>");
        // virsh iface-dumpxml --inactive eth1: libvirt's test driver takes no flags
        assertThatThrownBy(() -> SERVER.getAttribute(ETH1, "InactiveXML")).cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported flags (0x1) in function testInterfaceGetXMLDesc");
    }

    @Test
    void destroyingAndStartingThroughTheMBeanChangeActiveAndSayIt() throws Exception {
        JmxTestSupport.Notifications own = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(ETH1, own, null, null);

        SERVER.invoke(ETH1, "destroy", new Object[0], new String[0]);

        AttributeChangeNotification down = own.nextChangeOf("Active");
        assertThat(down.getOldValue()).isEqualTo(true);
        assertThat(down.getNewValue()).isEqualTo(false);
        assertThat(api.interfaceLookupByName("eth1").isActive()).isFalse();

        SERVER.invoke(ETH1, "start", new Object[0], new String[0]);

        assertThat(own.nextChangeOf("Active").getNewValue()).isEqualTo(true);
        assertThat(api.interfaceLookupByName("eth1").isActive()).isTrue();
    }

    @Test
    void startingAnActiveInterfaceFailsWithLibvirtsMessageAndChangesNothing() throws Exception {
        // virsh -c test:///default iface-start eth1: "error: Requested operation is not valid"
        assertThatThrownBy(() -> SERVER.invoke(ETH1, "start", new Object[0], new String[0]))
                .isInstanceOf(RuntimeMBeanException.class).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("Requested operation is not valid");
        assertThat(SERVER.getAttribute(ETH1, "Active")).isEqualTo(true);
    }

    @Test
    void undefiningThroughTheMBeanRemovesIt() throws Exception {
        SERVER.invoke(ETH1, "destroy", new Object[0], new String[0]);
        SERVER.invoke(ETH1, "undefine", new Object[0], new String[0]);

        assertThat(SERVER.isRegistered(ETH1)).isFalse();
        assertThat(api.listAllInterfaces(Set.of())).isEmpty();
    }

    // ---- storage volumes

    @Test
    void aVolumeCreatedElsewhereAppearsWhenItsPoolIsRefreshedWithWhatVolInfoShows() throws Exception {
        StoragePool pool = api.storagePoolLookupByName("default-pool");
        pool.storageVolCreateXML("<volume><name>jmx.img</name><capacity>10485760</capacity></volume>", Set.of());
        ObjectName vol = JvirtObjectNames.storageVolume(URI, "default-pool", "jmx.img");
        assertThat(vol.toString()).isEqualTo(
                "org.jvirt:type=StorageVolume,connection=\"test:///default\",pool=\"default-pool\",name=\"jmx.img\"");

        pool.refresh();

        await("the volume's MBean", () -> SERVER.isRegistered(vol));
        // virsh -c test:///default vol-info --bytes --pool default-pool jmx.img; vol-path; vol-key
        assertThat(SERVER.getAttribute(vol, "Name")).isEqualTo("jmx.img");
        assertThat(SERVER.getAttribute(vol, "Pool")).isEqualTo("default-pool");
        assertThat(SERVER.getAttribute(vol, "Type")).isEqualTo("file");
        assertThat(SERVER.getAttribute(vol, "CapacityBytes")).isEqualTo(10485760L);
        assertThat(SERVER.getAttribute(vol, "AllocationBytes")).isEqualTo(10485760L);
        assertThat(SERVER.getAttribute(vol, "Path")).isEqualTo("/default-pool/jmx.img");
        assertThat(SERVER.getAttribute(vol, "Key")).isEqualTo("/default-pool/jmx.img");
        assertThat((String) SERVER.getAttribute(vol, "XML")).contains("<name>jmx.img</name>");
        assertThat(counts().get(new Object[] {"StorageVolume"}).get("value")).isEqualTo(1);
    }

    @Test
    void deletingThroughTheMBeanRemovesTheVolumeAndItsMBean() throws Exception {
        StoragePool pool = api.storagePoolLookupByName("default-pool");
        pool.storageVolCreateXML("<volume><name>gone.img</name><capacity>1048576</capacity></volume>", Set.of());
        pool.refresh();
        ObjectName vol = JvirtObjectNames.storageVolume(URI, "default-pool", "gone.img");
        await("the volume's MBean", () -> SERVER.isRegistered(vol));

        SERVER.invoke(vol, "delete", new Object[0], new String[0]);

        assertThat(SERVER.isRegistered(vol)).isFalse();
        assertThat(pool.listVolumes()).doesNotContain("gone.img");
    }

    @Test
    void whatTheTestDriverLacksFailsWithLibvirtsMessage() throws Exception {
        StoragePool pool = api.storagePoolLookupByName("default-pool");
        pool.storageVolCreateXML("<volume><name>fixed.img</name><capacity>1048576</capacity></volume>", Set.of());
        pool.refresh();
        ObjectName vol = JvirtObjectNames.storageVolume(URI, "default-pool", "fixed.img");
        await("the volume's MBean", () -> SERVER.isRegistered(vol));

        // virsh vol-resize / vol-wipe on test:///default
        assertThatThrownBy(() -> SERVER.invoke(vol, "resize", new Object[] {20971520L}, new String[] {"long"}))
                .cause().isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("this function is not supported by the connection driver: virStorageVolResize");
        assertThatThrownBy(() -> SERVER.invoke(vol, "wipe", new Object[0], new String[0])).cause()
                .hasMessage("this function is not supported by the connection driver: virStorageVolWipe");
        assertThat(SERVER.getAttribute(vol, "CapacityBytes")).isEqualTo(1048576L);
    }

    @Test
    void stoppingThePoolTakesItsVolumesMBeansAway() throws Exception {
        StoragePool pool = api.storagePoolLookupByName("default-pool");
        pool.storageVolCreateXML("<volume><name>a.img</name><capacity>1048576</capacity></volume>", Set.of());
        pool.refresh();
        ObjectName vol = JvirtObjectNames.storageVolume(URI, "default-pool", "a.img");
        await("the volume's MBean", () -> SERVER.isRegistered(vol));

        pool.destroy();

        await("the volume's MBean gone with its pool", () -> !SERVER.isRegistered(vol));
        pool.create(Set.of());
        await("back when the pool starts", () -> SERVER.isRegistered(vol));
    }

    // ---- the connection

    @Test
    void theConnectionCountsEveryKindItsDriverHasAndLeavesOutSecrets() {
        TabularData counts = counts();
        assertThat(counts.get(new Object[] {"NodeDevice"}).get("value")).isEqualTo(4);
        assertThat(counts.get(new Object[] {"Interface"}).get("value")).isEqualTo(1);
        assertThat(counts.get(new Object[] {"StorageVolume"}).get("value")).isEqualTo(0);
        // virsh -c test:///default secret-list: "this function is not supported by the connection driver"
        assertThat(counts.get(new Object[] {"Secret"})).isNull();
        assertThat(jvirtNames()).noneMatch(n -> "Secret".equals(n.getKeyProperty("type")));
    }

    private static TabularData counts() {
        try {
            return (TabularData) SERVER.getAttribute(CONNECTION, "ObjectCounts");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
