package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvirt.jmx.internal.JmxTestSupport.SERVER;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.util.List;

import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.jmx.JvirtObjectNames;

/** Networks and storage pools as MBeans, on a fake host that has them and changes them on demand. */
class LifecycleObjectBeansTest {
    static final String URI = FakeObjectsHost.URI;

    private final FakeObjectsHost host = new FakeObjectsHost();
    private final JmxTestSupport.Notifications relayed = new JmxTestSupport.Notifications();
    private LifecycleObjectBeans<?> networks;
    private LifecycleObjectBeans<?> pools;

    @BeforeEach
    void setUp() {
        assertThat(jvirtNames()).as("left over by an earlier test").isEmpty();
        host.networks.put("default", new FakeObjectsHost.Net("default", true, true));
        host.pools.put("images", new FakeObjectsHost.Pool("images", true, true));
        host.pools.get("images").volumes.addAll(List.of("b.qcow2", "a.qcow2"));
        EventRelay relay = new EventRelay(JvirtObjectNames.connection(URI), List.of(
                NetworkKind.INSTANCE.eventTypes().get(0), StoragePoolKind.INSTANCE.eventTypes().get(0),
                StoragePoolKind.INSTANCE.eventTypes().get(1)));
        relay.addNotificationListener(relayed, null, null);
        MBeanRegistry registry = new MBeanRegistry(SERVER);
        networks = new LifecycleObjectBeans<>(NetworkKind.INSTANCE, host.connect, URI, registry, relay);
        pools = new LifecycleObjectBeans<>(StoragePoolKind.INSTANCE, host.connect, URI, registry, relay);
        networks.start();
        pools.start();
    }

    @AfterEach
    void tearDown() {
        networks.close();
        pools.close();
        assertThat(jvirtNames()).isEmpty();
        assertThat(host.subscribers()).as("every subscription ended").isZero();
    }

    @Test
    void theObjectsThereAreRegisteredWithWhatTheirInfoCommandsShow() throws Exception {
        ObjectName net = JvirtObjectNames.network(URI, "default");
        ObjectName pool = JvirtObjectNames.storagePool(URI, "images");
        assertThat(net.toString()).isEqualTo("org.jvirt:type=Network,connection=\"fake:///objects\",name=\"default\"");
        assertThat(jvirtNames()).containsExactlyInAnyOrder(net, pool);
        assertThat(networks.count()).isEqualTo(1);
        assertThat(pools.supported()).isTrue();

        // virsh net-info: Name, UUID, Active, Persistent, Autostart, Bridge
        assertThat(SERVER.getAttribute(net, "Name")).isEqualTo("default");
        assertThat(SERVER.getAttribute(net, "UUID")).isEqualTo(host.networks.get("default").uuid.toString());
        assertThat(SERVER.getAttribute(net, "Active")).isEqualTo(true);
        assertThat(SERVER.getAttribute(net, "Persistent")).isEqualTo(true);
        assertThat(SERVER.getAttribute(net, "Autostart")).isEqualTo(false);
        assertThat(SERVER.getAttribute(net, "Bridge")).isEqualTo("br-default");
        // virsh pool-info: Name, UUID, State, Persistent, Autostart, Capacity, Allocation, Available
        assertThat(SERVER.getAttribute(pool, "State")).isEqualTo("running");
        assertThat(SERVER.getAttribute(pool, "CapacityBytes")).isEqualTo(100L << 30);
        assertThat(SERVER.getAttribute(pool, "AllocationBytes")).isEqualTo(2L << 20);
        assertThat((String[]) SERVER.getAttribute(pool, "Volumes")).containsExactly("a.qcow2", "b.qcow2");
        assertThat(SERVER.getMBeanInfo(net).getDescriptor().getFieldValue("mxbean")).isEqualTo("true");
    }

    @Test
    void theyDeclareTheirNotifications() throws Exception {
        MBeanNotificationInfo[] net = SERVER.getMBeanInfo(JvirtObjectNames.network(URI, "default")).getNotifications();
        MBeanNotificationInfo[] pool = SERVER.getMBeanInfo(JvirtObjectNames.storagePool(URI, "images"))
                .getNotifications();

        assertThat(net).extracting(i -> i.getNotifTypes()[0]).containsExactly(
                AttributeChangeNotification.ATTRIBUTE_CHANGE, "jvirt.network.lifecycle");
        assertThat(pool).extracting(i -> i.getNotifTypes()[0]).containsExactly(
                AttributeChangeNotification.ATTRIBUTE_CHANGE, "jvirt.storage-pool.lifecycle",
                "jvirt.storage-pool.refresh");
    }

    @Test
    void aDefinedNetworkComesStartsStopsAndGoesWithItsEvents() throws Exception {
        ObjectName lab = JvirtObjectNames.network(URI, "lab");

        host.defineNetwork("lab");

        assertThat(SERVER.isRegistered(lab)).isTrue();
        Notification defined = relayed.next("jvirt.network.lifecycle");
        // virsh net-event's line
        assertThat(defined.getMessage()).isEqualTo("event 'lifecycle' for network lab: Defined");
        CompositeData data = (CompositeData) defined.getUserData();
        assertThat(data.get("connection")).isEqualTo(URI);
        assertThat(data.get("network")).isEqualTo("lab");
        assertThat(data.get("uuid")).isEqualTo(host.networks.get("lab").uuid.toString());
        assertThat(data.get("event")).isEqualTo("Defined");
        assertThat(data.get("eventNumber")).isEqualTo(0);

        JmxTestSupport.Notifications ofLab = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(lab, ofLab, null, null);
        SERVER.invoke(lab, "start", new Object[0], new String[0]);
        AttributeChangeNotification started = ofLab.nextChangeOf("Active");
        assertThat(started.getOldValue()).isEqualTo(false);
        assertThat(started.getNewValue()).isEqualTo(true);
        assertThat(ofLab.next("jvirt.network.lifecycle").getMessage())
                .isEqualTo("event 'lifecycle' for network lab: Started");

        SERVER.invoke(lab, "destroy", new Object[0], new String[0]);
        assertThat(SERVER.isRegistered(lab)).as("a persistent network keeps its MBean").isTrue();
        SERVER.invoke(lab, "undefine", new Object[0], new String[0]);
        assertThat(SERVER.isRegistered(lab)).isFalse();
    }

    @Test
    void aTransientNetworkGoesWhenItStopsAndAnUndefinedRunningOneStays() throws Exception {
        host.createTransientNetwork("scratch");
        ObjectName scratch = JvirtObjectNames.network(URI, "scratch");
        assertThat(SERVER.isRegistered(scratch)).isTrue();

        SERVER.invoke(JvirtObjectNames.network(URI, "default"), "undefine", new Object[0], new String[0]);
        assertThat(SERVER.isRegistered(JvirtObjectNames.network(URI, "default"))).isTrue();
        assertThat(SERVER.getAttribute(JvirtObjectNames.network(URI, "default"), "Persistent")).isEqualTo(false);

        SERVER.invoke(scratch, "destroy", new Object[0], new String[0]);
        assertThat(SERVER.isRegistered(scratch)).isFalse();
    }

    @Test
    void aPoolsStateAndRefreshAreNotified() throws Exception {
        ObjectName images = JvirtObjectNames.storagePool(URI, "images");
        JmxTestSupport.Notifications ofImages = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(images, ofImages, null, null);

        SERVER.invoke(images, "destroy", new Object[0], new String[0]);

        AttributeChangeNotification stopped = ofImages.nextStateChange();
        assertThat(stopped.getAttributeName()).isEqualTo("State");
        assertThat(stopped.getOldValue()).isEqualTo("running");
        assertThat(stopped.getNewValue()).isEqualTo("inactive");
        assertThat(ofImages.next("jvirt.storage-pool.lifecycle").getMessage())
                .isEqualTo("event 'lifecycle' for storage pool images: Stopped");
        assertThat(SERVER.getAttribute(images, "State")).isEqualTo("inactive");

        SERVER.invoke(images, "start", new Object[0], new String[0]);
        SERVER.invoke(images, "refresh", new Object[0], new String[0]);

        Notification refresh = ofImages.next("jvirt.storage-pool.refresh");
        assertThat(refresh.getMessage()).isEqualTo("event 'refresh' for storage pool images");
        assertThat(((CompositeData) refresh.getUserData()).get("pool")).isEqualTo("images");
        assertThat(relayed.next("jvirt.storage-pool.refresh").getSource())
                .isEqualTo(JvirtObjectNames.connection(URI));
    }

    @Test
    void aFailureReachesTheConsoleWithLibvirtsMessage() {
        ObjectName net = JvirtObjectNames.network(URI, "default");

        assertThatThrownBy(() -> SERVER.invoke(net, "start", new Object[0], new String[0]))
                .isInstanceOf(RuntimeMBeanException.class).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("network is already active");
    }

    @Test
    void aKindTheDriverLacksRegistersNothingAndIsNotCounted() {
        // a connection without networks: every method keeps the API's default body, NO_SUPPORT
        org.jvirt.api.Connect c = (org.jvirt.api.Connect) java.lang.reflect.Proxy.newProxyInstance(
                org.jvirt.api.Connect.class.getClassLoader(), new Class<?>[] {org.jvirt.api.Connect.class},
                (proxy, m, args) -> m.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args)
                        : null);
        LifecycleObjectBeans<?> lacking = new LifecycleObjectBeans<>(NetworkKind.INSTANCE, c, "lacking:///x",
                new MBeanRegistry(SERVER), new EventRelay(JvirtObjectNames.connection("lacking:///x"), List.of()));
        lacking.start();

        assertThat(lacking.supported()).isFalse();
        assertThat(lacking.count()).isZero();
        lacking.close();
        assertThat(SERVER.queryNames(JvirtObjectNames.object("Network", "lacking:///x", "*"), null)).isEmpty();
    }
}
