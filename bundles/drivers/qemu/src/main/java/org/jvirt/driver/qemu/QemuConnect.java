package org.jvirt.driver.qemu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.DomainStatsType;
import org.jvirt.api.GetAllDomainStatsFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.event.DefinedDetail;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.conf.XmlDocuments;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.CapabilitiesXml;
import org.jvirt.driver.qemu.caps.HostFacts;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.domcaps.Emulators;
import org.jvirt.driver.qemu.domcaps.HostSupport;
import org.jvirt.driver.qemu.domcaps.QemuDomainCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connection to the QEMU driver (qemu:///system or qemu:///session): libvirt's qemuConnect* functions. */
final class QemuConnect implements Connect {
    private static final Logger LOG = LoggerFactory.getLogger(QemuConnect.class);
    private final QemuDriver driver;
    private final String uri;
    private final EventSink events;
    private final AtomicBoolean closed = new AtomicBoolean();

    QemuConnect(QemuDriver driver, String uri, EventSink events) {
        this.driver = driver;
        this.uri = uri;
        this.events = events;
        driver.attach(this);
    }

    QemuDriver driver() {
        checkOpen();
        return driver;
    }

    EventSink events() {
        return events;
    }

    boolean isClosed() {
        return closed.get();
    }

    private void checkOpen() {
        if (closed.get() || driver.isClosed()) {
            throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.QEMU, "connection is closed");
        }
    }

    static void checkFlags(String function, Set<? extends VirFlag> flags, int allowed) {
        int bits = VirFlag.toBits(flags) & ~allowed;
        if (bits != 0) {
            throw VirtException.invalidArg("unsupported flags (0x" + Integer.toHexString(bits) + ") in function "
                    + function);
        }
    }

    @Override
    public String getURI() {
        checkOpen();
        return uri;
    }

    @Override
    public String getType() {
        checkOpen();
        return "QEMU";
    }

    @Override
    public long getVersion() {
        checkOpen();
        return driver.caps.get(java.nio.file.Path.of(QemuDriver.defaultEmulator("x86_64"))).version();
    }

    @Override
    public String getHostname() {
        checkOpen();
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "failed to determine host name");
        }
    }

    /** No security driver confines QEMU: the primary model is "none" (DAC is stacked under it, as capabilities show). */
    @Override
    public org.jvirt.api.SecurityModel getSecurityModel() {
        checkOpen();
        return new org.jvirt.api.SecurityModel("none", "0");
    }

    // ---- the host's counters (virsh nodememstats, nodecpustats, freecell, nodecpumap, node-memory-tune)

    @Override
    public org.jvirt.api.TypedParameters nodeGetMemoryStats(int cellNum) {
        checkOpen();
        org.jvirt.util.HostCounters host = org.jvirt.util.HostCounters.host();
        java.util.Map<String, Long> m;
        try {
            List<Integer> cells = host.cells();
            int maxCell = cells.isEmpty() ? 0 : cells.get(cells.size() - 1);
            if (cellNum > maxCell) {
                throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                        "cellNum in virHostMemGetStats must be less than or equal to " + maxCell);
            }
            m = host.memory(cellNum);
        } catch (java.io.IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "cannot read memory statistics: "
                    + e.getMessage());
        }
        org.jvirt.api.TypedParameters.Builder b = org.jvirt.api.TypedParameters.builder();
        m.forEach(b::addULLong);
        return b.build();
    }

    @Override
    public org.jvirt.api.TypedParameters nodeGetCPUStats(int cpuNum) {
        checkOpen();
        java.util.Map<String, Long> m;
        try {
            m = org.jvirt.util.HostCounters.host().cpu(cpuNum);
        } catch (java.io.IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "cannot read /proc/stat: "
                    + e.getMessage());
        }
        if (m == null) {
            throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "Invalid cpuNum in virHostCPUGetStatsLinux");
        }
        org.jvirt.api.TypedParameters.Builder b = org.jvirt.api.TypedParameters.builder();
        m.forEach(b::addULLong);
        return b.build();
    }

    @Override
    public long nodeGetFreeMemory() {
        checkOpen();
        return freePerCell().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public long[] nodeGetCellsFreeMemory(int startCell, int maxCells) {
        checkOpen();
        List<Long> free = freePerCell();
        if (startCell > free.size() - 1) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "start cell " + startCell
                    + " out of range (0-" + (free.size() - 1) + ")");
        }
        return free.subList(startCell, Math.min(free.size(), startCell + maxCells)).stream()
                .mapToLong(Long::longValue).toArray();
    }

    private static List<Long> freePerCell() {
        try {
            return org.jvirt.util.HostCounters.host().freePerCell();
        } catch (java.io.IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "cannot read free memory: "
                    + e.getMessage());
        }
    }

    @Override
    public org.jvirt.api.NodeCPUMap nodeGetCPUMap() {
        checkOpen();
        try {
            org.jvirt.util.HostCounters host = org.jvirt.util.HostCounters.host();
            return new org.jvirt.api.NodeCPUMap(host.presentCpus(), host.onlineCpus());
        } catch (java.io.IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "cannot read the host's CPUs: "
                    + e.getMessage());
        }
    }

    /** KSM's tunables and counters, as libvirt reads them from /sys/kernel/mm/ksm (virHostMemGetParameters). */
    @Override
    public org.jvirt.api.TypedParameters nodeGetMemoryParameters() {
        checkOpen();
        org.jvirt.util.HostCounters host = org.jvirt.util.HostCounters.host();
        org.jvirt.api.TypedParameters.Builder b = org.jvirt.api.TypedParameters.builder();
        for (String[] f : new String[][] {{"pages_to_scan", "ui"}, {"sleep_millisecs", "ui"},
                {"pages_shared", "ull"}, {"pages_sharing", "ull"}, {"pages_unshared", "ull"},
                {"pages_volatile", "ull"}, {"full_scans", "ull"}, {"merge_across_nodes", "ui"}}) {
            Long v = host.ksm(f[0]);
            if (v == null) {
                if (f[0].equals("merge_across_nodes")) {
                    continue; // older kernels have no such file, and libvirt leaves it out
                }
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NONE,
                        "cannot read /sys/kernel/mm/ksm/" + f[0]);
            }
            if (f[1].equals("ui")) {
                b.addUInt("shm_" + f[0], v.intValue());
            } else {
                b.addULLong("shm_" + f[0], v);
            }
        }
        return b.build();
    }

    /** The CPU models libvirt 9.0 knows for x86 (its CPU map's order), as virsh cpu-models lists them. */
    @Override
    public List<String> getCPUModelNames(String arch) {
        checkOpen();
        if (!Emulators.ARCHES.contains(arch)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "cannot find architecture " + arch);
        }
        if (!arch.equals("x86_64") && !arch.equals("i686")) {
            throw VirtException.noSupport();
        }
        return org.jvirt.driver.qemu.domcaps.X86CpuModels.names();
    }

    /** libvirt reads SMBIOS with dmidecode; jvirt does not, and says so as libvirt does without it. */
    @Override
    public String getSysinfo() {
        checkOpen();
        throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                "Host SMBIOS information is not available");
    }

    /** SEV needs QEMU's and the host's support, which jvirt does not use yet (qemuGetSEVInfoToParams). */
    @Override
    public org.jvirt.api.TypedParameters nodeGetSEVInfo() {
        checkOpen();
        QemuCaps c = driver.caps.get(java.nio.file.Path.of(QemuDriver.defaultEmulator(null)));
        if (!c.hasFlag("query-sev-capabilities")) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "QEMU does not support SEV guest");
        }
        throw VirtException.noSupport();
    }

    @Override
    public String getDomainCapabilities(String emulatorbin, String arch, String machine, String virttype) {
        checkOpen();
        boolean kvmAsked = false;
        if (virttype != null) {
            if (!VIRT_TYPES.contains(virttype)) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unknown virttype: " + virttype);
            }
            kvmAsked = virttype.equals("kvm");
        }
        if (arch != null && !Emulators.ARCHES.contains(arch)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unknown architecture: " + arch);
        }
        java.nio.file.Path emulator;
        if (emulatorbin != null) {
            emulator = java.nio.file.Path.of(emulatorbin);
        } else {
            String want = arch != null ? arch : driver.host().arch();
            emulator = Emulators.forArch(java.nio.file.Path.of(QemuDriver.defaultEmulator(null)).getParent(), want);
            if (emulator == null) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "unable to find any emulator to serve '" + want + "' architecture");
            }
        }
        QemuCaps c = driver.caps.get(emulator);
        String emulatorArch = Emulators.archOf(c.arch());
        if (arch == null) {
            arch = emulatorArch;
        } else if (!Emulators.serves(emulatorArch, arch)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "architecture from emulator '"
                    + emulatorArch + "' doesn't match given architecture '" + arch + "'");
        }
        boolean kvm = virttype == null ? c.kvm() : kvmAsked;
        if (virttype != null && (kvm && !c.kvm() || !virttype.equals("kvm") && !virttype.equals("qemu"))) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "the accel '" + virttype
                    + "' is not supported by '" + emulator + "' on this host");
        }
        String canonical;
        if (machine == null) {
            QemuCaps.Machine def = c.defaultMachine();
            canonical = def == null ? null : def.name();
        } else {
            canonical = c.machine(machine).map(QemuCaps.Machine::name).orElseThrow(() -> new VirtException(
                    ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "the machine '" + machine
                            + "' is not supported by emulator '" + emulator + "'"));
        }
        HostSupport host = HostSupport.probe(driver.firmware.searchPath(), canonical, arch);
        return XmlDocuments.format(QemuDomainCapabilities.build(c, arch, canonical, kvm, host), Set.of());
    }

    /** The virtualization types libvirt's domain XML names (virDomainVirtType). */
    private static final Set<String> VIRT_TYPES = Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml",
            "openvz", "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "hvf");

    @Override
    public String getCapabilities() {
        checkOpen();
        List<CapabilitiesXml.Guest> guests = new ArrayList<>();
        for (String arch : List.of("i686", "x86_64")) {
            String emulator = QemuDriver.defaultEmulator(arch);
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(emulator))) {
                QemuCaps c = driver.caps.get(java.nio.file.Path.of(emulator));
                guests.add(new CapabilitiesXml.Guest(arch, c));
            }
        }
        return CapabilitiesXml.format(driver.host(), guests);
    }

    @Override
    public int getMaxVcpus(String type) {
        checkOpen();
        QemuCaps c = driver.caps.get(java.nio.file.Path.of(QemuDriver.defaultEmulator("x86_64")));
        return c.defaultMachine() == null ? 255 : c.defaultMachine().maxCpus();
    }

    @Override
    public NodeInfo nodeInfo() {
        checkOpen();
        HostFacts h = driver.host();
        return new NodeInfo(h.arch(), h.memoryKiB(), h.cpuCount(), h.mhz(), h.cells().size(), h.sockets(),
                h.coresPerSocket(), h.threadsPerCore());
    }

    @Override
    public boolean isAlive() {
        return !closed.get() && !driver.isClosed();
    }

    @Override
    public List<Domain> listAllDomains(Set<ListDomainsFlag> flags) {
        checkOpen();
        List<Domain> out = new ArrayList<>();
        for (QemuDomainObj o : driver.all()) {
            synchronized (o) {
                if (matches(o, flags)) {
                    out.add(handle(o));
                }
            }
        }
        return out;
    }

    private boolean matches(QemuDomainObj o, Set<ListDomainsFlag> f) {
        return matches(o, f, n -> driver.saves.hasManagedSave(n));
    }

    private static boolean matches(QemuDomainObj o, Set<ListDomainsFlag> f,
            java.util.function.Predicate<String> managedSaves) {
        boolean active = o.isActive();
        if ((f.contains(ListDomainsFlag.ACTIVE) || f.contains(ListDomainsFlag.INACTIVE))
                && !(f.contains(ListDomainsFlag.ACTIVE) && active || f.contains(ListDomainsFlag.INACTIVE) && !active)) {
            return false;
        }
        if ((f.contains(ListDomainsFlag.PERSISTENT) || f.contains(ListDomainsFlag.TRANSIENT))
                && !(f.contains(ListDomainsFlag.PERSISTENT) && o.persistent
                        || f.contains(ListDomainsFlag.TRANSIENT) && !o.persistent)) {
            return false;
        }
        boolean running = o.state == DomainState.RUNNING;
        boolean paused = o.state == DomainState.PAUSED;
        boolean shutoff = o.state == DomainState.SHUTOFF;
        boolean other = !running && !paused && !shutoff;
        if ((f.contains(ListDomainsFlag.RUNNING) || f.contains(ListDomainsFlag.PAUSED)
                || f.contains(ListDomainsFlag.SHUTOFF) || f.contains(ListDomainsFlag.OTHER))
                && !(f.contains(ListDomainsFlag.RUNNING) && running || f.contains(ListDomainsFlag.PAUSED) && paused
                        || f.contains(ListDomainsFlag.SHUTOFF) && shutoff || f.contains(ListDomainsFlag.OTHER) && other)) {
            return false;
        }
        if ((f.contains(ListDomainsFlag.AUTOSTART) || f.contains(ListDomainsFlag.NO_AUTOSTART))
                && !(f.contains(ListDomainsFlag.AUTOSTART) && o.autostart
                        || f.contains(ListDomainsFlag.NO_AUTOSTART) && !o.autostart)) {
            return false;
        }
        if (f.contains(ListDomainsFlag.HAS_SNAPSHOT) && !f.contains(ListDomainsFlag.NO_SNAPSHOT)) {
            return false;
        }
        if (f.contains(ListDomainsFlag.HAS_CHECKPOINT) && !f.contains(ListDomainsFlag.NO_CHECKPOINT)) {
            return false;
        }
        if (f.contains(ListDomainsFlag.MANAGEDSAVE) != f.contains(ListDomainsFlag.NO_MANAGEDSAVE)) {
            boolean saved = managedSaves.test(o.def.name);
            return f.contains(ListDomainsFlag.MANAGEDSAVE) == saved;
        }
        return true;
    }

    @Override
    public List<DomainStatsRecord> getAllDomainStats(Set<DomainStatsType> stats, Set<GetAllDomainStatsFlag> flags) {
        checkStatsFlags("qemuConnectGetAllDomainStats", flags, true);
        checkOpen();
        Set<ListDomainsFlag> filter = EnumSet.noneOf(ListDomainsFlag.class);
        for (GetAllDomainStatsFlag f : flags) {
            switch (f) {
                case ACTIVE -> filter.add(ListDomainsFlag.ACTIVE);
                case INACTIVE -> filter.add(ListDomainsFlag.INACTIVE);
                case PERSISTENT -> filter.add(ListDomainsFlag.PERSISTENT);
                case TRANSIENT -> filter.add(ListDomainsFlag.TRANSIENT);
                case RUNNING -> filter.add(ListDomainsFlag.RUNNING);
                case PAUSED -> filter.add(ListDomainsFlag.PAUSED);
                case SHUTOFF -> filter.add(ListDomainsFlag.SHUTOFF);
                case OTHER -> filter.add(ListDomainsFlag.OTHER);
                default -> {
                }
            }
        }
        List<QemuDomainObj> objs = new ArrayList<>();
        for (QemuDomainObj o : driver.all()) {
            synchronized (o) {
                if (matches(o, filter)) {
                    objs.add(o);
                }
            }
        }
        return stats(objs, stats, flags);
    }

    @Override
    public List<DomainStatsRecord> domainListGetStats(List<Domain> domains, Set<DomainStatsType> stats,
            Set<GetAllDomainStatsFlag> flags) {
        checkStatsFlags("qemuDomainListGetStats", flags, false);
        checkOpen();
        List<QemuDomainObj> objs = new ArrayList<>();
        for (Domain d : domains) {
            QemuDomainObj o = driver.byUuid(d.getUUID());
            if (o == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU,
                        "no domain with matching uuid '" + d.getUUID() + "' (" + d.getName() + ")");
            }
            objs.add(o);
        }
        return stats(objs, stats, flags);
    }

    private static void checkStatsFlags(String function, Set<GetAllDomainStatsFlag> flags, boolean filters) {
        int allowed = GetAllDomainStatsFlag.NOWAIT.value() | GetAllDomainStatsFlag.BACKING.value()
                | GetAllDomainStatsFlag.ENFORCE_STATS.value();
        if (filters) {
            for (GetAllDomainStatsFlag f : GetAllDomainStatsFlag.values()) {
                allowed |= f.value();
            }
        }
        checkFlags(function, flags, allowed);
    }

    /** The statistics of {@code objs}: every QEMU asked first, /proc read meanwhile, the answers awaited once. */
    private List<DomainStatsRecord> stats(List<QemuDomainObj> objs, Set<DomainStatsType> stats,
            Set<GetAllDomainStatsFlag> flags) {
        Set<DomainStatsType> types = EnumSet.copyOf(DomainStats.SUPPORTED);
        if (!stats.isEmpty()) {
            Set<DomainStatsType> unsupported = EnumSet.copyOf(stats);
            unsupported.removeAll(DomainStats.SUPPORTED);
            if (!unsupported.isEmpty() && flags.contains(GetAllDomainStatsFlag.ENFORCE_STATS)) {
                throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU, "Stats types bits 0x"
                        + Integer.toHexString(VirFlag.toBits(unsupported)) + " are not supported by this daemon");
            }
            types.retainAll(stats);
        }
        boolean backing = flags.contains(GetAllDomainStatsFlag.BACKING);
        long t0 = System.nanoTime();
        List<DomainStats.Query> queries = new ArrayList<>(objs.size());
        for (QemuDomainObj o : objs) {
            queries.add(DomainStats.ask(o, types, backing));
        }
        long t1 = System.nanoTime();
        for (DomainStats.Query q : queries) {
            DomainStats.readHost(q, types);
        }
        long t2 = System.nanoTime();
        DomainStats.awaitAnswers(queries);
        long t3 = System.nanoTime();
        List<DomainStatsRecord> out = new ArrayList<>(objs.size());
        for (int i = 0; i < objs.size(); i++) {
            out.add(new DomainStatsRecord(handle(objs.get(i)), DomainStats.record(queries.get(i), types, backing)));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("statistics of {} domains (us): ask={} host={} answers={} records={}", objs.size(),
                    (t1 - t0) / 1000, (t2 - t1) / 1000, (t3 - t2) / 1000, (System.nanoTime() - t3) / 1000);
        }
        return out;
    }

    QemuDomain handle(QemuDomainObj o) {
        synchronized (o) {
            return new QemuDomain(this, o.def.name, o.def.uuid, o.def.id);
        }
    }

    @Override
    public Domain domainLookupByName(String name) {
        checkOpen();
        QemuDomainObj o = driver.byName(name);
        if (o == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching name '" + name
                    + "'");
        }
        return handle(o);
    }

    @Override
    public Domain domainLookupByUUID(UUID uuid) {
        checkOpen();
        QemuDomainObj o = driver.byUuid(uuid);
        if (o == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching uuid '" + uuid
                    + "'");
        }
        return handle(o);
    }

    @Override
    public Domain domainLookupByID(int id) {
        checkOpen();
        QemuDomainObj o = driver.byId(id);
        if (o == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching id " + id);
        }
        return handle(o);
    }

    /** libvirt's VALIDATE flags: the document is checked against domain.rng before it is parsed at all. */
    private static void validateIfAsked(String xml, Set<? extends VirFlag> flags) {
        if (XmlSchemas.requested(flags)) {
            XmlSchemas.validate(xml, XmlDocuments.Kind.DOMAIN);
        }
    }

    @Override
    public Domain domainDefineXML(String xml, Set<DomainDefineFlag> flags) {
        checkFlags("qemuDomainDefineXMLFlags", flags, DomainDefineFlag.VALIDATE.value());
        checkOpen();
        validateIfAsked(xml, flags);
        DomainDef def = driver.parseNew(xml);
        boolean[] existed = new boolean[1];
        QemuDomainObj o = driver.addOrFind(def, false, existed);
        if (existed[0]) {
            o.beginJob();
        }
        try {
            driver.saveConfig(def);
            synchronized (o) {
                if (existed[0] && o.isActive()) {
                    o.newDef = def;
                } else {
                    o.def = def;
                }
                o.persistent = true;
            }
        } catch (VirtException e) {
            if (!existed[0]) {
                driver.remove(o);
            }
            throw e;
        } finally {
            if (existed[0]) {
                o.endJob();
            }
        }
        driver.emitLifecycle(o, LifecycleEventType.DEFINED,
                (existed[0] ? DefinedDetail.UPDATED : DefinedDetail.ADDED).value());
        return handle(o);
    }

    @Override
    public Domain domainCreateXML(String xml, Set<DomainCreateFlag> flags) {
        checkFlags("qemuDomainCreateXML", flags, DomainCreateFlag.START_PAUSED.value()
                | DomainCreateFlag.START_VALIDATE.value());
        checkOpen();
        validateIfAsked(xml, flags);
        DomainDef def = driver.parseNew(xml);
        boolean[] existed = new boolean[1];
        QemuDomainObj o = driver.addOrFind(def, true, existed);
        o.beginJob();
        try {
            synchronized (o) {
                if (!existed[0]) {
                    o.persistent = false;
                }
                o.def = def;
            }
            driver.processes.start(o, flags.contains(DomainCreateFlag.START_PAUSED), StartedDetail.BOOTED);
        } catch (VirtException e) {
            synchronized (o) {
                if (!o.persistent) {
                    driver.remove(o);
                }
            }
            throw e;
        } finally {
            o.endJob();
        }
        return handle(o);
    }

    @Override
    public void domainRestore(String from) {
        domainRestore(from, null, Set.of());
    }

    @Override
    public void domainRestore(String from, String dxml, Set<org.jvirt.api.DomainSaveRestoreFlag> flags) {
        checkFlags("qemuDomainRestoreFlags", flags, org.jvirt.api.DomainSaveRestoreFlag.BYPASS_CACHE.value()
                | org.jvirt.api.DomainSaveRestoreFlag.RUNNING.value()
                | org.jvirt.api.DomainSaveRestoreFlag.PAUSED.value());
        checkOpen();
        if (dxml != null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "a different XML for the restored domain is not supported by jvirt's QEMU driver yet");
        }
        QemuProcesses.Restore r = driver.saves.restoreOf(java.nio.file.Path.of(from).toAbsolutePath(),
                QemuDomain.runAfter(flags));
        boolean[] existed = new boolean[1];
        QemuDomainObj o = driver.addOrFind(r.def(), true, existed);
        o.beginJob();
        try {
            if (!existed[0]) {
                synchronized (o) {
                    o.persistent = false;
                }
            }
            driver.saves.restore(o, r);
        } catch (VirtException e) {
            synchronized (o) {
                if (!o.persistent) {
                    driver.remove(o);
                }
            }
            throw e;
        } finally {
            o.endJob();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            driver.detach(this);
        }
    }

    @Override
    public String toString() {
        return "QemuConnect[" + uri + "]";
    }
}
