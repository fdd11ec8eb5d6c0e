package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.TestNodeXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.NetDef;

/**
 * The in-memory host of one test connection, or of all test:///default connections (libvirt's testDriver): node
 * values, domains, the objects other drivers will serve, and the connections that receive its events. One lock
 * guards it all.
 */
final class TestState {
    static final DomainParseOptions PARSE = DomainParseOptions.testDriver();

    final ReentrantLock lock = new ReentrantLock();
    final NodeInfo nodeInfo;
    final String capabilities;
    /** Kept for the network, interface, storage and node-device issues. */
    final TestNodeXml.TestNode node;
    /** Networks, storage, host interfaces, node devices and NUMA cells: the objects besides domains. */
    final HostObjects objects;
    private final Map<UUID, TestDomainObj> domains = new LinkedHashMap<>();
    private final List<TestConnect> connections = new CopyOnWriteArrayList<>();
    private int nextDomId = 1;

    private TestState(NodeInfo nodeInfo, int cells, TestNodeXml.TestNode node) {
        this.nodeInfo = nodeInfo;
        this.capabilities = Capabilities.build(cells);
        this.node = node;
        this.objects = new HostObjects(cells);
    }

    static final NodeInfo DEFAULT_NODE = new NodeInfo("i686", 3L * 1024 * 1024, 16, 1400, 2, 2, 2, 2);

    /** The state of test:///default, with its two NUMA cells. */
    static TestState defaultState(TestNodeXml.TestNode node) {
        TestState s = new TestState(DEFAULT_NODE, 2, node);
        s.load(node);
        return s;
    }

    /** A state loaded from a node file, with the file's node values over the defaults and no NUMA cells. */
    static TestState fromFile(TestNodeXml.TestNode node) {
        TestNodeXml.NodeCpu c = node.cpu();
        NodeInfo d = DEFAULT_NODE;
        int nodes = c.nodes() == null ? d.nodes() : c.nodes().intValue();
        int sockets = c.sockets() == null ? d.sockets() : c.sockets().intValue();
        int cores = c.cores() == null ? d.cores() : c.cores().intValue();
        int threads = c.threads() == null ? d.threads() : c.threads().intValue();
        int cpus = cores * threads * sockets * nodes;
        if (c.active() != null && c.active() < cpus) {
            cpus = c.active().intValue();
        }
        NodeInfo info = new NodeInfo(c.model() == null ? d.model() : truncate(c.model()),
                c.memory() == null ? d.memoryKiB() : c.memory(), cpus,
                c.mhz() == null ? d.mhz() : c.mhz().intValue(), nodes, sockets, cores, threads);
        TestState s = new TestState(info, 0, node);
        s.load(node);
        return s;
    }

    private static String truncate(String model) {
        // libvirt's node info keeps at most 31 characters of the model
        if (model.length() > 31) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "Model " + model
                    + " too big for destination");
        }
        return model;
    }

    private void load(TestNodeXml.TestNode node) {
        for (TestNodeXml.NodeDomain nd : node.domains()) {
            generateIfnames(nd.def());
            TestDomainObj obj = add(nd.def(), false);
            obj.persistent = !nd.transientDomain();
            obj.hasManagedSave = nd.hasManagedSave();
            if (nd.runstate() != DomainState.SHUTOFF.value()) {
                startState(obj, 0);
            } else {
                shutdownState(obj, 0);
            }
            obj.setState(DomainState.fromValue(nd.runstate()), 0);
            Taint.check(obj);
        }
        objects.load(node);
    }

    // ---- connections and events

    void attach(TestConnect c) {
        connections.add(c);
    }

    void detach(TestConnect c) {
        connections.remove(c);
    }

    /** Tells every open connection of this state, each with its own handle. */
    void emit(TestDomainObj obj, LifecycleEventType type, int detail) {
        for (TestConnect c : connections) {
            c.deliver(obj.def, type, detail);
        }
    }

    /** Tells every open connection of this state about a change of an object besides domains. */
    void emitEvent(Function<TestConnect, ? extends ObjectEvent> event) {
        for (TestConnect c : connections) {
            c.deliverEvent(event.apply(c));
        }
    }

    /** Tells every open connection of this state an event made for it by {@code make}. */
    void emit(java.util.function.Function<TestConnect, org.jvirt.api.event.DomainEvent> make) {
        for (TestConnect c : connections) {
            c.deliver(make.apply(c));
        }
    }

    // ---- domains (callers hold the lock)

    List<TestDomainObj> all() {
        return new ArrayList<>(domains.values());
    }

    TestDomainObj byUuid(UUID uuid) {
        return domains.get(uuid);
    }

    TestDomainObj byName(String name) {
        for (TestDomainObj o : domains.values()) {
            if (o.def.name.equals(name)) {
                return o;
            }
        }
        return null;
    }

    TestDomainObj byId(int id) {
        for (TestDomainObj o : domains.values()) {
            if (o.isActive() && o.def.id == id) {
                return o;
            }
        }
        return null;
    }

    void remove(TestDomainObj obj) {
        domains.remove(obj.def.uuid);
    }

    /**
     * Adds or updates a domain as libvirt's virDomainObjListAdd: the same UUID with another name, or the same name
     * with another UUID, is refused; {@code live} starts a new live definition (create) and refuses a running one.
     * Returns the object; {@code updated[0]} tells whether it existed.
     */
    TestDomainObj add(DomainDef def, boolean live, boolean[] updated) {
        TestDomainObj existing = domains.get(def.uuid);
        if (existing != null) {
            if (!existing.def.name.equals(def.name)) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN, "domain '"
                        + existing.def.name + "' is already defined with uuid " + existing.def.uuid);
            }
            if (live) {
                if (existing.isActive()) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                            "domain '" + def.name + "' is already active");
                }
                if (existing.persistent) {
                    existing.newDef = existing.def;
                }
                existing.def = def;
            } else if (existing.isActive()) {
                existing.newDef = def;
            } else {
                existing.def = def;
            }
            if (updated != null) {
                updated[0] = true;
            }
            return existing;
        }
        TestDomainObj byName = byName(def.name);
        if (byName != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN, "domain '" + byName.def.name
                    + "' already exists with uuid " + byName.def.uuid);
        }
        TestDomainObj obj = new TestDomainObj(def);
        obj.setState(DomainState.SHUTOFF, ShutoffReason.UNKNOWN.value());
        domains.put(def.uuid, obj);
        return obj;
    }

    private TestDomainObj add(DomainDef def, boolean live) {
        return add(def, live, null);
    }

    /** Starts a domain: running with {@code reason}, the next id, a live copy of its definition. */
    void startState(TestDomainObj obj, int reason) {
        obj.setState(DomainState.RUNNING, reason);
        if (obj.persistent && obj.newDef == null) {
            // as libvirt's virDomainObjSetDefTransient: the running definition stays, the persistent one is a copy
            obj.newDef = DomainXml.copy(obj.def, PARSE);
        }
        obj.def.id = nextDomId++;
        obj.hasManagedSave = false;
    }

    /** Stops a domain: its live definition goes, shut off with {@code reason}. */
    void shutdownState(TestDomainObj obj, int reason) {
        if (obj.newDef != null) {
            obj.def = obj.newDef;
            obj.newDef = null;
        }
        obj.def.id = -1;
        obj.setState(DomainState.SHUTOFF, reason);
    }

    /** Names each interface without a target "testnetN" (testDomainGenerateIfnames). */
    static void generateIfnames(DomainDef def) {
        for (NetDef n : def.devices().interfaces) {
            if (n.target != null && n.target.dev != null) {
                continue;
            }
            String name = null;
            for (int i = 0; i < 1024 && name == null; i++) {
                String candidate = "testnet" + i;
                boolean used = def.devices().interfaces.stream()
                        .anyMatch(x -> x.target != null && candidate.equals(x.target.dev));
                if (!used) {
                    name = candidate;
                }
            }
            if (name == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "Exceeded max iface limit 1024");
            }
            if (n.target == null) {
                n.target = new NetDef.Target();
            }
            n.target.dev = name;
        }
    }
}
