package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvirt.jmx.internal.JmxTestSupport.SERVER;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanOperationInfo;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.SecretEvent;
import org.jvirt.api.event.SecretEventListener;
import org.jvirt.api.event.SecretLifecycleEvent;
import org.jvirt.api.event.SecretLifecycleType;
import org.jvirt.api.event.SecretValueChangedEvent;
import org.jvirt.jmx.JvirtNotifications;
import org.jvirt.jmx.JvirtObjectNames;

/**
 * Secrets as MBeans, on a fake host that has them (the test driver has none, as libvirt's): what secret-list shows,
 * their events, and that nothing ever reads a value.
 */
class SecretBeansTest {
    static final String URI = "fake:///secrets";
    static final String VOLUME_SECRET = "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f";

    /** One secret's state on the fake host. */
    record Entry(UUID uuid, SecretUsageType usage, String usageId) {
    }

    private final Map<UUID, Entry> secrets = new ConcurrentHashMap<>();
    private final List<SecretEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger valueReads = new AtomicInteger();
    private final Connect connect = (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(),
            new Class<?>[] {Connect.class}, (proxy, m, args) -> switch (m.getName()) {
                case "getURI", "toString" -> URI;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "listAllSecrets" -> secrets.values().stream().map(this::secret).toList();
                case "secretLookupByUUID" -> secret(found((UUID) args[0]));
                case "secretEventRegisterAny" -> subscribe((SecretEventListener) args[2]);
                default -> throw VirtException.noSupport();
            });
    private final JmxTestSupport.Notifications relayed = new JmxTestSupport.Notifications();
    private LifecycleObjectBeans<Secret> beans;

    @BeforeEach
    void setUp() {
        assertThat(jvirtNames()).as("left over by an earlier test").isEmpty();
        define(new Entry(UUID.fromString(VOLUME_SECRET), SecretUsageType.VOLUME, "/var/lib/libvirt/images/a.img"),
                false);
        EventRelay relay = new EventRelay(JvirtObjectNames.connection(URI), SecretKind.INSTANCE.eventTypes());
        relay.addNotificationListener(relayed, null, null);
        beans = new LifecycleObjectBeans<>(SecretKind.INSTANCE, connect, URI, new MBeanRegistry(SERVER), relay);
        beans.start();
    }

    @AfterEach
    void tearDown() {
        beans.close();
        assertThat(jvirtNames()).isEmpty();
        assertThat(listeners).as("every subscription ended").isEmpty();
        assertThat(valueReads).as("no secret's value was ever read").hasValue(0);
    }

    @Test
    void aSecretIsNamedByItsUuidAndShowsWhatSecretListShowsButNeverItsValue() throws Exception {
        ObjectName name = JvirtObjectNames.secret(URI, VOLUME_SECRET);
        assertThat(name.toString()).isEqualTo(
                "org.jvirt:type=Secret,connection=\"fake:///secrets\",uuid=\"" + VOLUME_SECRET + "\"");
        assertThat(jvirtNames()).containsExactly(name);
        assertThat(beans.count()).isEqualTo(1);
        // virsh secret-list: UUID, and the usage as "<type> <id>"
        assertThat(SERVER.getAttribute(name, "UUID")).isEqualTo(VOLUME_SECRET);
        assertThat(SERVER.getAttribute(name, "UsageType")).isEqualTo("volume");
        assertThat(SERVER.getAttribute(name, "UsageID")).isEqualTo("/var/lib/libvirt/images/a.img");
        assertThat((String) SERVER.getAttribute(name, "XML")).contains("<uuid>" + VOLUME_SECRET + "</uuid>")
                .doesNotContain("value");
        assertThat(SERVER.getMBeanInfo(name).getAttributes()).extracting(MBeanAttributeInfo::getName)
                .containsExactlyInAnyOrder("UUID", "UsageType", "UsageID", "XML");
        assertThat(SERVER.getMBeanInfo(name).getOperations()).extracting(MBeanOperationInfo::getName)
                .containsExactly("undefine");
        assertThat(SERVER.getMBeanInfo(name).getNotifications()).extracting(i -> i.getNotifTypes()[0])
                .containsExactly(JvirtNotifications.SECRET_LIFECYCLE, JvirtNotifications.SECRET_VALUE_CHANGED);
    }

    @Test
    void aDefinedSecretGetsAnMBeanAndTheNotificationsVirshsLineSays() throws Exception {
        String uuid = "5d0a1c62-3d7a-4e1b-9f3c-6a2e8f8c1a77";
        Entry ceph = new Entry(UUID.fromString(uuid), SecretUsageType.CEPH, "client.admin secret");

        define(ceph, true);

        ObjectName name = JvirtObjectNames.secret(URI, uuid);
        assertThat(SERVER.isRegistered(name)).isTrue();
        assertThat(SERVER.getAttribute(name, "UsageType")).isEqualTo("ceph");
        Notification n = relayed.next(JvirtNotifications.SECRET_LIFECYCLE);
        // virsh secret-event --event lifecycle
        assertThat(n.getMessage()).isEqualTo("event 'lifecycle' for secret " + uuid + ": Defined");
        CompositeData data = (CompositeData) n.getUserData();
        assertThat(data.getCompositeType().keySet()).containsExactlyInAnyOrder("connection", "secret", "event",
                "eventNumber", "detail");
        assertThat(data.get("secret")).isEqualTo(uuid);
        assertThat(data.get("event")).isEqualTo("Defined");
        assertThat(data.get("eventNumber")).isEqualTo(0);
    }

    @Test
    void aValueChangeIsNotifiedWithoutTheValue() throws Exception {
        ObjectName name = JvirtObjectNames.secret(URI, VOLUME_SECRET);
        JmxTestSupport.Notifications own = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(name, own, null, null);

        emit(new SecretValueChangedEvent(secret(secrets.get(UUID.fromString(VOLUME_SECRET)))));

        Notification n = own.next(JvirtNotifications.SECRET_VALUE_CHANGED);
        // virsh secret-event --event value-changed
        assertThat(n.getMessage()).isEqualTo("event 'value-changed' for secret " + VOLUME_SECRET);
        assertThat(((CompositeData) n.getUserData()).getCompositeType().keySet())
                .containsExactlyInAnyOrder("connection", "secret");
    }

    @Test
    void undefiningThroughTheMBeanRemovesItAfterItsLastNotification() throws Exception {
        ObjectName name = JvirtObjectNames.secret(URI, VOLUME_SECRET);

        SERVER.invoke(name, "undefine", new Object[0], new String[0]);

        assertThat(secrets).isEmpty();
        assertThat(relayed.next(JvirtNotifications.SECRET_LIFECYCLE).getMessage())
                .isEqualTo("event 'lifecycle' for secret " + VOLUME_SECRET + ": Undefined");
        assertThat(SERVER.isRegistered(name)).isFalse();
        assertThat(beans.count()).isZero();
    }

    @Test
    void aSecretGoneUnderneathFailsWithLibvirtsMessage() {
        ObjectName name = JvirtObjectNames.secret(URI, VOLUME_SECRET);
        secrets.clear(); // gone without an event (as when the event is still on its way)

        assertThatThrownBy(() -> SERVER.getAttribute(name, "XML")).isInstanceOf(RuntimeMBeanException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Secret not found: no secret with matching uuid '" + VOLUME_SECRET + "'");
    }

    @Test
    void aDriverWithoutSecretsGetsNoBeansAndNoSubscription() {
        Connect none = (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(),
                new Class<?>[] {Connect.class}, (proxy, m, args) -> {
                    throw VirtException.noSupport();
                });
        LifecycleObjectBeans<Secret> without = new LifecycleObjectBeans<>(SecretKind.INSTANCE, none, "none:///",
                new MBeanRegistry(SERVER), new EventRelay(JvirtObjectNames.connection("none:///"), List.of()));
        without.start();

        assertThat(without.supported()).isFalse();
        assertThat(without.count()).isZero();
        without.close();
    }

    // ---- the fake host

    private void define(Entry e, boolean notify) {
        secrets.put(e.uuid(), e);
        if (notify) {
            emit(new SecretLifecycleEvent(secret(e), SecretLifecycleType.DEFINED, 0));
        }
    }

    private void emit(SecretEvent e) {
        listeners.forEach(l -> l.onEvent(e));
    }

    private Entry found(UUID uuid) {
        Entry e = secrets.get(uuid);
        if (e == null) {
            throw new VirtException(ErrorCode.NO_SECRET, ErrorDomain.SECRET,
                    "no secret with matching uuid '" + uuid + "'");
        }
        return e;
    }

    private EventSubscription subscribe(SecretEventListener l) {
        listeners.add(l);
        return new EventSubscription() {
            @Override
            public int callbackId() {
                return 1;
            }

            @Override
            public void close() {
                listeners.remove(l);
            }
        };
    }

    private Secret secret(Entry e) {
        return (Secret) Proxy.newProxyInstance(Secret.class.getClassLoader(), new Class<?>[] {Secret.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getConnect" -> connect;
                    case "getUUID" -> e.uuid();
                    case "getUUIDString" -> e.uuid().toString();
                    case "getUsageType" -> found(e.uuid()).usage();
                    case "getUsageID" -> found(e.uuid()).usageId();
                    case "getXMLDesc" -> "<secret ephemeral='no' private='yes'>\n  <uuid>" + found(e.uuid()).uuid()
                            + "</uuid>\n</secret>\n";
                    case "getValue" -> {
                        valueReads.incrementAndGet();
                        yield new byte[] {1};
                    }
                    case "undefine" -> {
                        found(e.uuid());
                        secrets.remove(e.uuid());
                        emit(new SecretLifecycleEvent((Secret) proxy, SecretLifecycleType.UNDEFINED, 0));
                        yield null;
                    }
                    case "toString" -> "Secret[" + e.uuid() + "]";
                    case "hashCode" -> e.uuid().hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw VirtException.noSupport();
                });
    }
}
