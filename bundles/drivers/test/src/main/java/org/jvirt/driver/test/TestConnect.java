package org.jvirt.driver.test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.RunningReason;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.event.DefinedDetail;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.XmlDocuments;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.conf.domain.DomainDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connection to a test state (libvirt's test driver connection functions). */
final class TestConnect implements Connect, TestNetworks, TestStorage, TestInterfaces, TestNodeDevices, TestHost {
    private static final Logger LOG = LoggerFactory.getLogger(TestConnect.class);

    private final String uri;
    final TestState state;
    private final EventSink events;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    TestConnect(String uri, TestState state, EventSink events, Runnable onClose) {
        this.uri = uri;
        this.state = state;
        this.events = events;
        this.onClose = onClose;
        state.attach(this);
    }

    <T> T locked(Supplier<T> body) {
        checkOpen();
        state.lock.lock();
        try {
            return body.get();
        } finally {
            state.lock.unlock();
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.TEST, "connection is closed");
        }
    }

    void deliver(DomainDef def, LifecycleEventType type, int detail) {
        deliver(new DomainLifecycleEvent(new TestDomain(this, def.name, def.uuid, def.id), type, detail));
    }

    void deliver(org.jvirt.api.event.DomainEvent event) {
        if (events == null || closed.get()) {
            return;
        }
        try {
            events.domainEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("test connection {}: event sink failed: {}", uri, e.toString());
        }
    }

    /** Hands an event of an object besides domains to this connection's sink. */
    void deliverEvent(ObjectEvent event) {
        if (events == null || closed.get()) {
            return;
        }
        try {
            events.event(event);
        } catch (RuntimeException e) {
            LOG.warn("test connection {}: event sink failed: {}", uri, e.toString());
        }
    }

    static void checkFlags(String function, Set<? extends VirFlag> flags, int allowed) {
        Flags.check(function, flags, allowed);
    }

    @Override
    public String getURI() {
        checkOpen();
        return uri;
    }

    @Override
    public String getType() {
        checkOpen();
        return "TEST";
    }

    @Override
    public long getVersion() {
        checkOpen();
        return 2;
    }

    @Override
    public String getHostname() {
        checkOpen();
        try {
            InetAddress local = InetAddress.getLocalHost();
            String name = local.getHostName();
            if (name.indexOf('.') < 0) {
                String canonical = local.getCanonicalHostName();
                if (canonical.indexOf('.') > 0 && !canonical.startsWith("localhost")
                        && !Character.isDigit(canonical.charAt(0))) {
                    return canonical;
                }
            }
            return name;
        } catch (UnknownHostException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "failed to determine host name");
        }
    }

    @Override
    public String getCapabilities() {
        checkOpen();
        return state.capabilities;
    }

    @Override
    public int getMaxVcpus(String type) {
        checkOpen();
        return 32;
    }

    @Override
    public NodeInfo nodeInfo() {
        checkOpen();
        return state.nodeInfo;
    }

    @Override
    public SecurityModel getSecurityModel() {
        checkOpen();
        return new SecurityModel("testSecurity", "");
    }

    /** libvirt's test driver calls its connections secure (testConnectIsSecure)... */
    @Override
    public boolean isSecure() {
        checkOpen();
        return true;
    }

    /** ...and not encrypted (testConnectIsEncrypted): nothing travels between processes. */
    @Override
    public boolean isEncrypted() {
        checkOpen();
        return false;
    }

    @Override
    public boolean isAlive() {
        return !closed.get();
    }

    @Override
    public List<Domain> listAllDomains(Set<ListDomainsFlag> flags) {
        return locked(() -> {
            List<Domain> out = new ArrayList<>();
            for (TestDomainObj o : state.all()) {
                if (DomainFilter.matches(o, flags)) {
                    out.add(handle(o));
                }
            }
            return out;
        });
    }

    @Override
    public Domain domainLookupByName(String name) {
        return locked(() -> found(state.byName(name)));
    }

    @Override
    public Domain domainLookupByUUID(UUID uuid) {
        return locked(() -> found(state.byUuid(uuid)));
    }

    @Override
    public Domain domainLookupByID(int id) {
        return locked(() -> found(state.byId(id)));
    }

    private Domain found(TestDomainObj o) {
        if (o == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, null);
        }
        return handle(o);
    }

    TestDomain handle(TestDomainObj o) {
        return new TestDomain(this, o.def.name, o.def.uuid, o.def.id);
    }

    @Override
    public Domain domainDefineXML(String xml, Set<DomainDefineFlag> flags) {
        checkFlags("testDomainDefineXMLFlags", flags, DomainDefineFlag.VALIDATE.value());
        if (flags.contains(DomainDefineFlag.VALIDATE)) {
            XmlSchemas.validate(xml, XmlDocuments.Kind.DOMAIN);
        }
        return locked(() -> {
            DomainDef def = DomainXml.parse(xml, TestState.PARSE);
            DomainXml.checkIllegalChars("name", def.name, "\n");
            TestState.generateIfnames(def);
            boolean[] updated = new boolean[1];
            TestDomainObj o = state.add(def, false, updated);
            o.persistent = true;
            state.emit(o, LifecycleEventType.DEFINED,
                    (updated[0] ? DefinedDetail.UPDATED : DefinedDetail.ADDED).value());
            return handle(o);
        });
    }

    @Override
    public Domain domainCreateXML(String xml, Set<DomainCreateFlag> flags) {
        checkFlags("testDomainCreateXML", flags, DomainCreateFlag.START_VALIDATE.value());
        if (flags.contains(DomainCreateFlag.START_VALIDATE)) {
            XmlSchemas.validate(xml, XmlDocuments.Kind.DOMAIN);
        }
        return locked(() -> {
            DomainDef def = DomainXml.parse(xml, TestState.PARSE);
            TestState.generateIfnames(def);
            TestDomainObj o = state.add(def, true, null);
            state.startState(o, RunningReason.BOOTED.value());
            state.emit(o, LifecycleEventType.STARTED, StartedDetail.BOOTED.value());
            return handle(o);
        });
    }

    // ---- save images and statistics (the domains issue)

    @Override
    public void domainRestore(String from) {
        domainRestore(from, null, Set.of());
    }

    @Override
    public void domainRestore(String from, String dxml, Set<org.jvirt.api.DomainSaveRestoreFlag> flags) {
        checkFlags("testDomainRestoreFlags", flags, 0);
        if (dxml != null) {
            throw Errors.argUnsupported("xml modification unsupported");
        }
        locked(() -> TestStateImages.restore(this, java.nio.file.Path.of(from)));
    }

    @Override
    public String domainSaveImageGetXMLDesc(String file, Set<org.jvirt.api.DomainSaveImageXMLFlag> flags) {
        checkFlags("testDomainSaveImageGetXMLDesc", flags, 1);
        return locked(() -> DomainXml.format(SaveImage.read(java.nio.file.Path.of(file)),
                Set.of(org.jvirt.api.DomainXMLFlag.SECURE)));
    }

    @Override
    public void domainSaveImageDefineXML(String file, String dxml, Set<org.jvirt.api.DomainSaveRestoreFlag> flags) {
        checkFlags("testDomainSaveImageDefineXML", flags, 2 | 4);
        locked(() -> {
            java.nio.file.Path p = java.nio.file.Path.of(file);
            SaveImage.read(p);
            SaveImage.write(p, DomainXml.parse(dxml, TestState.PARSE));
            return null;
        });
    }

    @Override
    public List<org.jvirt.api.DomainStatsRecord> getAllDomainStats(Set<org.jvirt.api.DomainStatsType> stats,
            Set<org.jvirt.api.GetAllDomainStatsFlag> flags) {
        return locked(() -> DomainStats.all(this, stats, flags));
    }

    @Override
    public List<org.jvirt.api.DomainStatsRecord> domainListGetStats(List<Domain> domains,
            Set<org.jvirt.api.DomainStatsType> stats, Set<org.jvirt.api.GetAllDomainStatsFlag> flags) {
        return locked(() -> DomainStats.of(this, domains, stats, flags));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            state.detach(this);
            onClose.run();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "TestConnect[" + uri + "]";
    }

    /** libvirt's state of a domain object, for handles. */
    static DomainState stateOf(TestDomainObj o) {
        return o.state;
    }
}
