package org.jvirt.jmx.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.security.PrivilegedExceptionAction;
import java.util.List;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The forwarder on its own, each MBeanServer call made as the Subject the connector would run it as: a read-only
 * user reads and listens but changes nothing, a read-write user also invokes and sets, and nobody creates,
 * registers or unregisters MBeans.
 */
class RoleCheckingForwarderTest {
    /** A small MBean to read, write, invoke and listen to. */
    public interface ProbeMXBean {
        int getValue();

        void setValue(int value);

        int increment();
    }

    public static final class Probe extends javax.management.NotificationBroadcasterSupport implements ProbeMXBean {
        private int value;

        @Override
        public int getValue() {
            return value;
        }

        @Override
        public void setValue(int value) {
            this.value = value;
        }

        @Override
        public int increment() {
            return ++value;
        }
    }

    private static final ObjectName PROBE = name("jvirt.test:type=Probe");

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final RoleCheckingForwarder forwarder = new RoleCheckingForwarder();

    @BeforeEach
    void setUp() throws Exception {
        server.registerMBean(new Probe(), PROBE);
        forwarder.setMBeanServer(server);
    }

    @Test
    void aReadOnlyUserReadsAndListens() throws Exception {
        as(Role.READONLY, () -> {
            assertThat(forwarder.getAttribute(PROBE, "Value")).isEqualTo(0);
            assertThat(forwarder.getAttributes(PROBE, new String[] {"Value"}).asList()).hasSize(1);
            assertThat(forwarder.getMBeanInfo(PROBE).getAttributes()).hasSize(1);
            assertThat(forwarder.queryNames(PROBE, null)).containsExactly(PROBE);
            assertThat(forwarder.queryMBeans(PROBE, null)).hasSize(1);
            assertThat(forwarder.isRegistered(PROBE)).isTrue();
            assertThat(forwarder.isInstanceOf(PROBE, "javax.management.NotificationBroadcaster")).isTrue();
            assertThat(forwarder.getObjectInstance(PROBE).getObjectName()).isEqualTo(PROBE);
            assertThat(forwarder.getMBeanCount()).isPositive();
            assertThat(forwarder.getDomains()).contains("jvirt.test");
            assertThat(forwarder.getDefaultDomain()).isNotNull();
            NotificationListener listener = (n, h) -> { };
            forwarder.addNotificationListener(PROBE, listener, null, null);
            forwarder.removeNotificationListener(PROBE, listener);
            return null;
        });
    }

    @Test
    void aReadOnlyUserNeverInvokesNorSets() throws Exception {
        as(Role.READONLY, () -> {
            assertThatThrownBy(() -> forwarder.invoke(PROBE, "increment", new Object[0], new String[0]))
                    .isInstanceOf(SecurityException.class)
                    .hasMessage("Access denied: a read-only user may not invoke increment on jvirt.test:type=Probe");
            assertThatThrownBy(() -> forwarder.setAttribute(PROBE, new Attribute("Value", 5)))
                    .isInstanceOf(SecurityException.class)
                    .hasMessage("Access denied: a read-only user may not set Value of jvirt.test:type=Probe");
            AttributeList list = new AttributeList(List.of(new Attribute("Value", 5)));
            assertThatThrownBy(() -> forwarder.setAttributes(PROBE, list)).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> forwarder.addNotificationListener(PROBE, PROBE, null, null))
                    .isInstanceOf(SecurityException.class);
            return null;
        });
        assertThat(server.getAttribute(PROBE, "Value")).as("nothing changed").isEqualTo(0);
    }

    @Test
    void aReadWriteUserInvokesAndSets() throws Exception {
        as(Role.READWRITE, () -> {
            assertThat(forwarder.invoke(PROBE, "increment", new Object[0], new String[0])).isEqualTo(1);
            forwarder.setAttribute(PROBE, new Attribute("Value", 41));
            assertThat(forwarder.invoke(PROBE, "increment", new Object[0], new String[0])).isEqualTo(42);
            return null;
        });
    }

    @Test
    void nobodyCreatesRegistersOrUnregistersMBeansRemotely() throws Exception {
        for (Role role : Role.values()) {
            as(role, () -> {
                ObjectName other = name("jvirt.test:type=Other");
                assertThatThrownBy(() -> forwarder.createMBean("javax.management.loading.MLet", other))
                        .isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> forwarder.createMBean("javax.management.loading.MLet", other, null,
                        new Object[0], new String[0])).isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> forwarder.registerMBean(new Probe(), other))
                        .isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> forwarder.unregisterMBean(PROBE)).isInstanceOf(SecurityException.class)
                        .hasMessageContaining("may not unregister jvirt.test:type=Probe");
                assertThatThrownBy(() -> forwarder.instantiate("java.lang.Object"))
                        .isInstanceOf(SecurityException.class);
                return null;
            });
        }
        assertThat(server.isRegistered(PROBE)).isTrue();
        assertThat(server.queryNames(name("jvirt.test:*"), null)).containsExactly(PROBE);
    }

    @Test
    void theConnectorsOwnCallsWithoutASubjectMayReadButNotWrite() throws Exception {
        assertThat(forwarder.queryNames(PROBE, null)).containsExactly(PROBE);
        NotificationListener listener = (n, h) -> { };
        forwarder.addNotificationListener(PROBE, listener, null, null);
        forwarder.removeNotificationListener(PROBE, listener);
        assertThatThrownBy(() -> forwarder.invoke(PROBE, "increment", new Object[0], new String[0]))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void aSubjectWithoutARoleMayDoNothing() throws Exception {
        // what a client asking to act as another Subject (delegation) would run as
        Subject nobody = new Subject();
        nobody.getPrincipals().add(new JMXPrincipal("nobody"));
        doAs(nobody, () -> {
            assertThatThrownBy(() -> forwarder.getAttribute(PROBE, "Value")).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> forwarder.queryNames(null, null)).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> forwarder.invoke(PROBE, "increment", new Object[0], new String[0]))
                    .isInstanceOf(SecurityException.class);
            return null;
        });
    }

    @Test
    void theServerIsSetOnce() {
        assertThat(forwarder.getMBeanServer()).isSameAs(server);
        assertThatThrownBy(() -> forwarder.setMBeanServer(ManagementFactory.getPlatformMBeanServer()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void as(Role role, PrivilegedExceptionAction<Void> action) throws Exception {
        Subject s = new Subject();
        s.getPrincipals().add(new JMXPrincipal(role.word() + "-user"));
        s.getPrincipals().add(new RolePrincipal(role));
        doAs(s, action);
    }

    @SuppressWarnings("removal") // the connector runs requests this way on Java 17
    private static void doAs(Subject s, PrivilegedExceptionAction<Void> action) throws Exception {
        try {
            Subject.doAs(s, action);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
