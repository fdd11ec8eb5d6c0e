package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvirt.jmx.internal.JmxTestSupport.SERVER;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.DriverInfo;
import org.jvirt.jmx.JvirtObjectNames;

class DriverBeansTest {
    private DriverBeans beans;

    @AfterEach
    void tearDown() {
        beans.close();
        assertThat(jvirtNames()).isEmpty();
    }

    @Test
    void theTestDriverIsAnMBeanWithItsSchemesAndConnections() throws Exception {
        ConnectFactory factory = JmxTestSupport.factory();
        beans = new DriverBeans(factory, new MBeanRegistry(SERVER));

        beans.sync();

        ObjectName test = JvirtObjectNames.driver("test");
        assertThat(test.toString()).isEqualTo("org.jvirt:type=Driver,name=\"test\"");
        assertThat(jvirtNames()).containsExactly(test);
        assertThat(SERVER.getAttribute(test, "Name")).isEqualTo("test");
        assertThat(SERVER.getAttribute(test, "State")).isEqualTo("ACTIVE");
        assertThat((String[]) SERVER.getAttribute(test, "URISchemes")).containsExactly("test");
        assertThat(SERVER.getAttribute(test, "Connections")).isEqualTo(0);
        Connect c = factory.open("test:///default");
        try {
            assertThat(SERVER.getAttribute(test, "Connections")).as("read live").isEqualTo(1);
        } finally {
            c.close();
        }
        assertThat(SERVER.getAttribute(test, "Connections")).isEqualTo(0);
        assertThat(SERVER.getMBeanInfo(test).getDescriptor().getFieldValue("mxbean")).isEqualTo("true");
    }

    @Test
    void driversComeAndGoWithTheirBundles() throws Exception {
        ListedFactory factory = new ListedFactory();
        beans = new DriverBeans(factory, new MBeanRegistry(SERVER));
        DriverInfo alpha = new DriverInfo("alpha", "org.jvirt.itest.alpha", "0.1.0", "INSTALLED", List.of(), 0);
        factory.drivers.add(alpha);

        beans.sync();

        ObjectName name = JvirtObjectNames.driver("alpha");
        assertThat(jvirtNames()).containsExactly(name);
        assertThat(SERVER.getAttribute(name, "State")).isEqualTo("INSTALLED");
        assertThat((String[]) SERVER.getAttribute(name, "URISchemes")).isEmpty();
        assertThat(SERVER.getAttribute(name, "Bundle")).isEqualTo("org.jvirt.itest.alpha");
        assertThat(SERVER.getAttribute(name, "Version")).isEqualTo("0.1.0");

        // resolved and started: the same MBean reads the new state
        factory.drivers.set(0, new DriverInfo("alpha", "org.jvirt.itest.alpha", "0.1.0", "ACTIVE",
                List.of("alpha"), 2));
        beans.sync();
        assertThat(SERVER.getAttribute(name, "State")).isEqualTo("ACTIVE");
        assertThat((String[]) SERVER.getAttribute(name, "URISchemes")).containsExactly("alpha");
        assertThat(SERVER.getAttribute(name, "Connections")).isEqualTo(2);

        factory.drivers.clear();
        beans.sync();
        assertThat(jvirtNames()).isEmpty();
    }

    @Test
    void aSecondBundleWithTheSameDriverNameIsTold() {
        ListedFactory factory = new ListedFactory();
        beans = new DriverBeans(factory, new MBeanRegistry(SERVER));
        factory.drivers.add(new DriverInfo("qemu", "org.jvirt.driver.qemu", "1.0.0", "ACTIVE", List.of("qemu"), 0));
        factory.drivers.add(new DriverInfo("qemu", "org.jvirt.driver.qemu", "1.1.0", "RESOLVED", List.of(), 0));

        beans.sync();

        assertThat(jvirtNames()).containsExactlyInAnyOrder(JvirtObjectNames.driver("qemu"),
                JvirtObjectNames.driver("qemu", "org.jvirt.driver.qemu", "1.1.0"));
        assertThat(beans.names()).isEqualTo(Set.copyOf(jvirtNames()));
    }

    @Test
    void afterCloseASyncRegistersNothing() {
        ListedFactory factory = new ListedFactory();
        beans = new DriverBeans(factory, new MBeanRegistry(SERVER));
        factory.drivers.add(new DriverInfo("alpha", "a", "1", "ACTIVE", List.of(), 0));
        beans.close();

        beans.sync();

        assertThat(jvirtNames()).isEmpty();
    }

    /** A platform whose installed drivers the test sets. */
    static final class ListedFactory implements ConnectFactory {
        final List<DriverInfo> drivers = new CopyOnWriteArrayList<>();

        @Override
        public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String defaultUri() {
            return "test:///default";
        }

        @Override
        public List<DriverInfo> drivers() {
            return List.copyOf(drivers);
        }
    }
}
