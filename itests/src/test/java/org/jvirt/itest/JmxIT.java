package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.DomainState;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * JMX in the real platform: the default connection and its domains are MBeans in the platform MBeanServer, with
 * dominfo's values; an operation invoked through the MBeanServer changes the domain, as the API then reports.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JmxIT {
    @Inject
    ConnectFactory factory;

    @Configuration
    public Option[] config() {
        return PlatformOptions.platform("jmx");
    }

    @Test
    public void domainsAreMBeansAndTheirOperationsWork() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName connection = new ObjectName("org.jvirt:type=Connection,uri=" + ObjectName.quote("test:///default"));
        ObjectName domain = new ObjectName("org.jvirt:type=Domain,connection=" + ObjectName.quote("test:///default")
                + ",name=" + ObjectName.quote("test"));
        assertTrue("the MBeans of test:///default appear", Await.until(() -> server.isRegistered(domain), 10_000));
        assertTrue(server.isRegistered(connection));
        Set<ObjectName> domains = server.queryNames(new ObjectName("org.jvirt:type=Domain,*"), null);
        assertEquals(Set.of(domain), domains);

        assertEquals("TEST", server.getAttribute(connection, "HypervisorType"));
        assertEquals(1, server.getAttribute(domain, "Id"));
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f", server.getAttribute(domain, "UUID"));
        assertEquals(2, server.getAttribute(domain, "CPUs"));
        assertEquals(8388608L, server.getAttribute(domain, "MaxMemoryKiB"));
        assertEquals(2097152L, server.getAttribute(domain, "UsedMemoryKiB"));
        assertEquals("running", server.getAttribute(domain, "State"));

        try (Connect c = factory.open("test:///default")) {
            server.invoke(domain, "suspend", new Object[0], new String[0]);
            assertEquals(DomainState.PAUSED, c.domainLookupByName("test").getState().state());
            assertEquals("paused", server.getAttribute(domain, "State"));
            server.invoke(domain, "resume", new Object[0], new String[0]);
            assertEquals(DomainState.RUNNING, c.domainLookupByName("test").getState().state());
        }
    }
}
