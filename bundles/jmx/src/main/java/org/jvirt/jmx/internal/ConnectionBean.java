package org.jvirt.jmx.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.ObjectName;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.Versions;
import org.jvirt.jmx.ConnectionMXBean;

/** One connection as an MXBean; every attribute asks the connection when read. */
final class ConnectionBean implements ConnectionMXBean {
    private final Connect connect;
    private final DomainBeans domains;
    private final List<ObjectBeans> objects;
    private final ObjectName objectName;

    ConnectionBean(Connect connect, DomainBeans domains, List<ObjectBeans> objects, ObjectName objectName) {
        this.connect = connect;
        this.domains = domains;
        this.objects = objects;
        this.objectName = objectName;
    }

    ObjectName objectName() {
        return objectName;
    }

    @Override
    public String getURI() {
        return JmxCalls.ask(objectName, connect::getURI);
    }

    @Override
    public String getHostname() {
        return JmxCalls.ask(objectName, connect::getHostname);
    }

    @Override
    public String getHypervisorType() {
        return JmxCalls.ask(objectName, connect::getType);
    }

    @Override
    public String getHypervisorVersion() {
        return JmxCalls.ask(objectName, () -> Versions.format(connect.getVersion()));
    }

    @Override
    public long getHypervisorVersionNumber() {
        return JmxCalls.ask(objectName, connect::getVersion);
    }

    @Override
    public String getLibVersion() {
        return JmxCalls.ask(objectName, () -> Versions.format(connect.getLibVersion()));
    }

    @Override
    public long getLibVersionNumber() {
        return JmxCalls.ask(objectName, connect::getLibVersion);
    }

    @Override
    public boolean isAlive() {
        return JmxCalls.ask(objectName, connect::isAlive);
    }

    @Override
    public String getCapabilities() {
        return JmxCalls.ask(objectName, connect::getCapabilities);
    }

    @Override
    public Map<String, Integer> getObjectCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ObjectBeans o : objects) {
            if (o.supported()) {
                counts.put(o.type(), o.count());
            }
        }
        return counts;
    }

    // ---- the host

    private NodeInfo node() {
        return JmxCalls.ask(objectName, connect::nodeInfo);
    }

    @Override
    public String getCPUModel() {
        return node().model();
    }

    @Override
    public int getCPUs() {
        return node().cpus();
    }

    @Override
    public int getCPUFrequencyMHz() {
        return node().mhz();
    }

    @Override
    public int getCPUSockets() {
        return node().sockets();
    }

    @Override
    public int getCoresPerSocket() {
        return node().cores();
    }

    @Override
    public int getThreadsPerCore() {
        return node().threads();
    }

    @Override
    public int getNUMACells() {
        return node().nodes();
    }

    @Override
    public long getMemoryKiB() {
        return node().memoryKiB();
    }

    // ---- domains

    @Override
    public int getActiveDomains() {
        return JmxCalls.ask(objectName, connect::numOfDomains);
    }

    @Override
    public int getInactiveDomains() {
        return JmxCalls.ask(objectName, connect::numOfDefinedDomains);
    }

    @Override
    public ObjectName[] getDomains() {
        return domains.names();
    }

    @Override
    public String defineXML(String xml) {
        return JmxCalls.ask(objectName, () -> {
            Domain d = connect.domainDefineXML(xml);
            domains.add(d);
            return d.getName();
        });
    }

    @Override
    public String createXML(String xml) {
        return JmxCalls.ask(objectName, () -> {
            Domain d = connect.domainCreateXML(xml, Set.of());
            domains.add(d);
            return d.getName();
        });
    }

    @Override
    public ObjectName lookupDomainByName(String name) {
        return JmxCalls.ask(objectName, () -> domains.nameOf(connect.domainLookupByName(name)));
    }

    @Override
    public ObjectName lookupDomainByUUID(String uuid) {
        return JmxCalls.ask(objectName, () -> domains.nameOf(connect.domainLookupByUUIDString(uuid)));
    }

    @Override
    public ObjectName lookupDomainByID(int id) {
        return JmxCalls.ask(objectName, () -> domains.nameOf(connect.domainLookupByID(id)));
    }

    @Override
    public String toString() {
        return objectName.toString();
    }
}
