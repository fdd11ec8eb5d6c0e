package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvirt.jmx.internal.JmxTestSupport.SERVER;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainEventListener;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.event.DomainBlockThresholdEvent;
import org.jvirt.api.event.DomainRebootEvent;
import org.jvirt.api.event.DomainTunableEvent;
import org.jvirt.jmx.JvirtObjectNames;

/**
 * Events the test driver never sends (libvirt's test driver has no reboot event), delivered to JMX's own
 * subscriptions as a driver would: each becomes its typed notification.
 */
class InjectedEventsTest {
    static final String URI = "test:///default";
    static final ObjectName TEST = JvirtObjectNames.domain(URI, "test");

    private final InjectingFactory factory = new InjectingFactory(JmxTestSupport.factory());
    private JmxComponent component;

    @BeforeEach
    void setUp() {
        assertThat(jvirtNames()).as("left over by an earlier test").isEmpty();
        component = new JmxComponent(factory, Map.of(JmxComponent.URIS, URI));
    }

    @AfterEach
    void tearDown() {
        component.deactivate();
    }

    @Test
    void jmxSubscribesToEveryEventIdOfTheTableAndNoOther() {
        assertThat(factory.listeners.keySet()).containsExactlyInAnyOrder(DomainEventId.values());
    }

    @Test
    void aRebootEventIsAJvirtDomainRebootNotification() throws Exception {
        JmxTestSupport.Notifications received = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(TEST, received, null, null);
        Domain test = factory.connection.domainLookupByName("test");

        factory.listeners.get(DomainEventId.REBOOT).onEvent(new DomainRebootEvent(test));

        Notification n = received.next("jvirt.domain.reboot");
        // virsh event --event reboot: "event 'reboot' for domain 'test'"
        assertThat(n.getMessage()).isEqualTo("event 'reboot' for domain 'test'");
        CompositeData data = (CompositeData) n.getUserData();
        assertThat(data.getCompositeType().keySet()).containsExactlyInAnyOrder("connection", "domain", "uuid");
        assertThat(data.get("domain")).isEqualTo("test");
        assertThat(data.get("uuid")).isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertThat(data.get("connection")).isEqualTo(URI);
        assertThat(received.isEmpty()).as("a reboot is no State change").isTrue();
    }

    @Test
    void aBlockThresholdEventCarriesItsFields() throws Exception {
        JmxTestSupport.Notifications received = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(JvirtObjectNames.connection(URI), received, null, null);
        Domain test = factory.connection.domainLookupByName("test");

        factory.listeners.get(DomainEventId.BLOCK_THRESHOLD).onEvent(
                new DomainBlockThresholdEvent(test, "vda", "/var/lib/images/test.qcow2", 1L << 30, 4096));

        Notification n = received.next("jvirt.domain.block-threshold");
        assertThat(n.getMessage()).isEqualTo("event 'block-threshold' for domain 'test'");
        CompositeData data = (CompositeData) n.getUserData();
        assertThat(data.get("domain")).isEqualTo("test");
        assertThat(data.get("dev")).isEqualTo("vda");
        assertThat(data.get("path")).isEqualTo("/var/lib/images/test.qcow2");
        assertThat(data.get("threshold")).isEqualTo(1L << 30);
        assertThat(data.get("excess")).isEqualTo(4096L);
    }

    @Test
    void aTunableEventsTypedParametersAreRows() throws Exception {
        JmxTestSupport.Notifications received = new JmxTestSupport.Notifications();
        SERVER.addNotificationListener(TEST, received, null, null);
        Domain test = factory.connection.domainLookupByName("test");

        factory.listeners.get(DomainEventId.TUNABLE).onEvent(new DomainTunableEvent(test,
                TypedParameters.builder().addULLong("cputune.shares", 2048).build()));

        CompositeData data = (CompositeData) received.next("jvirt.domain.tunable").getUserData();
        CompositeData[] params = (CompositeData[]) data.get("params");
        assertThat(params).hasSize(1);
        assertThat(params[0].get("field")).isEqualTo("cputune.shares");
        assertThat(params[0].get("type")).isEqualTo("ULLONG");
        assertThat(params[0].get("value")).isEqualTo("2048");
    }

    /** The real factory, whose connections hand JMX's event listeners to the test. */
    static final class InjectingFactory implements ConnectFactory {
        private final ConnectFactory real;
        final Map<DomainEventId, DomainEventListener> listeners = new ConcurrentHashMap<>();
        volatile Connect connection;

        InjectingFactory(ConnectFactory real) {
            this.real = real;
        }

        @Override
        public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
            Connect c = real.open(uri, flags, auth);
            connection = c;
            return (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(), new Class<?>[] {Connect.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("domainEventRegisterAny")) {
                            listeners.put((DomainEventId) args[1], (DomainEventListener) args[2]);
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public String defaultUri() {
            return real.defaultUri();
        }

        @Override
        public List<DriverInfo> drivers() {
            return real.drivers();
        }
    }
}
