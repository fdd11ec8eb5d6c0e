package org.jvirt.driver.qemu;

import static org.jvirt.driver.qemu.QmpCommands.execute;
import static org.jvirt.driver.qemu.QmpCommands.quietly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainDeviceAddedEvent;
import org.jvirt.api.event.DomainDeviceRemovedEvent;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.Alias;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.driver.qemu.block.DiskChains;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.command.Aliases;
import org.jvirt.driver.qemu.command.BlockNodes;
import org.jvirt.driver.qemu.command.QemuCommandLine;
import org.jvirt.driver.qemu.command.QemuDefaults;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disks and network interfaces plugged into and out of a domain, running and persistent (libvirt's
 * qemuDomainAttachDeviceFlags and qemuDomainDetachDeviceFlags, qemu_hotplug.c): a disk's images become block nodes
 * and its device is added; an interface's backend and device are added; an unplug waits (five seconds, as
 * libvirt) for QEMU's DEVICE_DELETED, and a removal the guest confirms later is finished when it comes. DEVICE_ADDED
 * and DEVICE_REMOVED are delivered. Other devices fail with libvirt's "not supported" errors.
 */
final class DeviceHotplug {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceHotplug.class);
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    /** How long an unplug waits for the guest (qemuDomainWaitForDeviceRemoval). */
    static final Duration REMOVAL_WAIT = Duration.ofSeconds(5);

    private final QemuDriver driver;

    DeviceHotplug(QemuDriver driver) {
        this.driver = driver;
    }

    /** One device of a device XML: a disk or an interface. */
    private record Device(DiskDef disk, NetDef net) {
        String kind() {
            return disk != null ? "disk" : "interface";
        }
    }

    /** Reads a device XML through conf, inside a minimal domain. */
    private Device parse(String xml) {
        DomainDef wrapper = DomainXml.parse("<domain type='qemu'><name>device</name><memory>1024</memory>"
                + "<os><type arch='x86_64'>hvm</type></os><devices>" + xml + "</devices></domain>", driver.parse);
        var d = wrapper.devices();
        if (d.disks.size() == 1 && d.interfaces.isEmpty()) {
            return new Device(d.disks.get(0), null);
        }
        if (d.interfaces.size() == 1 && d.disks.isEmpty()) {
            return new Device(null, d.interfaces.get(0));
        }
        String root = xml.strip().replaceFirst("^<([A-Za-z]+).*", "$1");
        throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                "live attach of device '" + root + "' is not supported");
    }

    // ---- attach

    /** virDomainAttachDeviceFlags, inside the domain's job. */
    void attach(QemuDomainObj o, String xml, boolean live, boolean config) {
        Impact imp = Impact.of(o, live, config);
        if (imp.persistent() != null) {
            Device dev = parse(xml);
            DomainDef next = DomainXml.copy(imp.persistent(), driver.parse);
            add(next, dev);
            QemuCaps caps = driver.capsFor(next);
            QemuDefaults.apply(next, caps, false);
            QemuCommandLine.checkSupported(next);
            persist(o, next);
        }
        if (imp.live() != null) {
            attachLive(o, parse(xml));
        }
    }

    private static void add(DomainDef def, Device dev) {
        if (dev.disk() != null) {
            for (DiskDef d : def.devices().disks) {
                if (d.target.dev.equals(dev.disk().target.dev)) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "target " + dev.disk().target.dev + " already exists");
                }
            }
            insertDisk(def.devices().disks, dev.disk());
        } else {
            def.devices().interfaces.add(dev.net());
        }
    }

    /** Keeps the disks of one bus in target order, as libvirt inserts them (virDomainDiskInsert). */
    private static void insertDisk(List<DiskDef> disks, DiskDef disk) {
        int at = disks.size();
        for (int i = disks.size() - 1; i >= 0; i--) {
            DiskDef d = disks.get(i);
            if (d.target.bus != null && d.target.bus.equals(disk.target.bus)) {
                at = Aliases.diskIndex(d.target.dev) > Aliases.diskIndex(disk.target.dev) ? i : i + 1;
                if (at == i + 1) {
                    break;
                }
            }
        }
        disks.add(at, disk);
    }

    private void attachLive(QemuDomainObj o, Device dev) {
        QemuDomainObj.Running running = o.running();
        QmpMonitor mon = running.monitor();
        DomainDef live = running.def();
        // the device takes its defaults and address in a copy of the running definition
        DomainDef next = DomainXml.copy(live, driver.parse);
        add(next, dev);
        QemuCaps caps = driver.capsFor(next);
        QemuDefaults.apply(next, caps, false);
        QemuCommandLine.checkSupported(next);
        if (next.devices().controllers.stream().filter(c -> "pci".equals(c.type)).count()
                != live.devices().controllers.stream().filter(c -> "pci".equals(c.type)).count()) {
            // a running guest gets no new PCI controller: on q35 the device needs a free root port (libvirt's
            // virDomainPCIAddressGetNextAddr)
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "No more available PCI slots");
        }
        if (next.devices().controllers.size() != live.devices().controllers.size()) {
            // libvirt would plug the controller the device needs first; jvirt does not yet
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, "a device that needs a new "
                    + "controller cannot be hotplugged by jvirt's QEMU driver yet");
        }
        if (dev.disk() != null) {
            DiskDef disk = find(next, dev.disk());
            if (disk.target.bus == null || !List.of("virtio", "scsi").contains(disk.target.bus)) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, "disk bus '"
                        + disk.target.bus + "' cannot be hotplugged.");
            }
            disk.alias = alias(Aliases.diskAlias(next, disk));
            plugDisk(o, mon, next, caps, disk);
            synchronized (o) {
                insertDisk(o.def.devices().disks, disk);
            }
            emitAdded(o, disk.alias.name);
        } else {
            NetDef net = next.devices().interfaces.get(next.devices().interfaces.size() - 1);
            net.alias = alias("net" + nextNetIndex(live));
            List<ObjectNode> props = QemuCommandLine.hotplugNet(next, caps, net);
            execute(mon, "netdev_add", props.get(0));
            try {
                execute(mon, "device_add", props.get(1));
            } catch (RuntimeException e) {
                quietly(mon, "netdev_del", J.objectNode().put("id", props.get(0).path("id").asText()));
                throw e;
            }
            synchronized (o) {
                o.def.devices().interfaces.add(net);
            }
            emitAdded(o, net.alias.name);
        }
        writeStatus(o);
    }

    /** The disk's images as nodes (each with its index), then its device; undone when QEMU refuses a step. */
    private void plugDisk(QemuDomainObj o, QmpMonitor mon, DomainDef next, QemuCaps caps, DiskDef disk) {
        if (!BlockNodes.hasSource(disk)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "a disk without a source cannot be hotplugged");
        }
        DiskChains.check(disk);
        synchronized (o) {
            disk.source.index = Integer.toString(o.nextNodeIndex++);
            for (var b = disk.backingStore; b != null && b.source != null; b = b.backingStore) {
                b.index = Integer.toString(o.nextNodeIndex++);
            }
        }
        List<String> added = new ArrayList<>();
        try {
            for (ObjectNode n : BlockNodes.blockdevs(disk, java.util.Set.of())) {
                execute(mon, "blockdev-add", n);
                added.add(n.path("node-name").asText());
            }
            String drive = BlockNodes.chain(disk).get(0).topNode(disk.driver == null ? null : disk.driver.cache);
            execute(mon, "device_add", QemuCommandLine.hotplugDisk(next, caps, disk, drive));
        } catch (RuntimeException e) {
            for (int i = added.size() - 1; i >= 0; i--) {
                quietly(mon, "blockdev-del", J.objectNode().put("node-name", added.get(i)));
            }
            throw e;
        }
    }

    private static DiskDef find(DomainDef def, DiskDef wanted) {
        for (DiskDef d : def.devices().disks) {
            if (d.target.dev.equals(wanted.target.dev)) {
                return d;
            }
        }
        throw new IllegalStateException("disk " + wanted.target.dev + " lost");
    }

    private static int nextNetIndex(DomainDef live) {
        int next = 0;
        for (NetDef n : live.devices().interfaces) {
            if (n.alias != null && n.alias.name != null && n.alias.name.matches("net\\d+")) {
                next = Math.max(next, Integer.parseInt(n.alias.name.substring(3)) + 1);
            }
        }
        return next;
    }

    // ---- update

    /**
     * virDomainUpdateDeviceFlags, inside the domain's job, for an interface (found by its MAC address): the
     * persistent definition takes the new interface whole, as libvirt's config update does; the running guest
     * changes only its link state (QEMU's {@code set_link}), and libvirt's errors refuse what it cannot change.
     * Checked and computed first, the persistent definition is saved after the live change succeeded.
     */
    void update(QemuDomainObj o, String xml, boolean live, boolean config, boolean force) {
        Impact imp = Impact.of(o, live, config);
        if (parse(xml).disk() != null) {
            updateDisk(o, imp, xml, force);
            return;
        }
        DomainDef next = null;
        if (imp.persistent() != null) {
            next = DomainXml.copy(imp.persistent(), driver.parse);
            NetDef repl = parse(xml).net();
            List<NetDef> nets = next.devices().interfaces;
            NetDef old = (NetDef) match(next, new Device(null, repl));
            keepMacUnlessGiven(repl, old);
            if (repl.address == null) {
                repl.address = old.address;
            }
            nets.set(nets.indexOf(old), repl);
            QemuDefaults.apply(next, driver.capsFor(next), false);
            QemuCommandLine.checkSupported(next);
        }
        if (imp.live() != null) {
            changeNetLive(o, parse(xml).net());
        }
        if (next != null) {
            persist(o, next);
        }
    }

    /** A disk: the persistent definition computed and checked first, the medium changed, then the config saved. */
    private void updateDisk(QemuDomainObj o, Impact imp, String xml, boolean force) {
        MediaChange media = new MediaChange(driver);
        DomainDef next = imp.persistent() == null ? null : media.persistent(imp.persistent(), parse(xml).disk());
        if (imp.live() != null) {
            media.live(o, parse(xml).disk(), force);
            writeStatus(o);
        }
        if (next != null) {
            persist(o, next);
        }
    }

    /**
     * The new persistent definition in place of the old (the next-boot one while the domain runs, else the one it
     * has), then saved.
     */
    private void persist(QemuDomainObj o, DomainDef next) {
        synchronized (o) {
            if (o.newDef != null) {
                o.newDef = next;
            } else {
                o.def = next;
            }
        }
        driver.saveConfig(next);
    }

    /** qemuDomainChangeNet for what jvirt's interfaces can hold: only the link state may differ. */
    private void changeNetLive(QemuDomainObj o, NetDef newdev) {
        QmpMonitor mon;
        DomainDef live;
        NetDef old;
        synchronized (o) {
            mon = o.monitor;
            live = o.def;
            old = (NetDef) match(live, new Device(null, newdev));
        }
        // what the new interface leaves out is the running one's: its MAC, address and alias, then the defaults
        keepMacUnlessGiven(newdev, old);
        if (newdev.address == null) {
            newdev.address = old.address;
        }
        if (newdev.alias == null) {
            newdev.alias = old.alias;
        }
        DomainDef next = DomainXml.copy(live, driver.parse);
        List<NetDef> nets = next.devices().interfaces;
        int at = live.devices().interfaces.indexOf(old);
        nets.set(at, newdev);
        QemuDefaults.apply(next, driver.capsFor(next), false);
        if (!java.util.Objects.equals(old.type, newdev.type)) {
            throw unchangeable("cannot change network interface type to '" + newdev.type + "'");
        }
        String oldModel = old.model == null ? null : old.model.type;
        String newModel = newdev.model == null ? null : newdev.model.type;
        if (!java.util.Objects.equals(oldModel, newModel)) {
            throw unchangeable("cannot modify network device model from " + oldModel + " to " + newModel);
        }
        if (!java.util.Objects.equals(addressType(old), addressType(newdev))) {
            throw unchangeable("cannot modify network device address type");
        }
        if (!samePci(old.address, newdev.address)) {
            throw unchangeable("cannot modify network device guest PCI address");
        }
        if (!java.util.Objects.equals(bootOrder(old), bootOrder(newdev))) {
            throw unchangeable("cannot modify network device boot index setting");
        }
        QemuCommandLine.checkSupported(next);
        boolean down = linkDown(newdev);
        if (down != linkDown(old)) {
            if (old.alias == null || old.alias.name == null) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "can't change link state: device alias not found");
            }
            execute(mon, "set_link", J.objectNode().put("name", old.alias.name).put("up", !down));
        }
        synchronized (o) {
            List<NetDef> running = o.def.devices().interfaces;
            int i = running.indexOf(old);
            if (i >= 0) {
                running.set(i, newdev);
            }
        }
        writeStatus(o);
    }

    private static VirtException unchangeable(String message) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, message);
    }

    /** Whether an interface's link is down ({@code <link state='down'/>}); up when it says nothing. */
    static boolean linkDown(NetDef n) {
        return n.link != null && "down".equals(n.link.state);
    }

    private static String addressType(NetDef n) {
        return n.address == null ? null : n.address.type;
    }

    private static boolean samePci(org.jvirt.conf.domain.DeviceAddress a, org.jvirt.conf.domain.DeviceAddress b) {
        if (a == null || b == null) {
            return a == b;
        }
        return PciSlot.of(a).equals(PciSlot.of(b));
    }

    /** A PCI address with its numbers read, so that 0x02 and 0x2 are the same slot. */
    private record PciSlot(long domain, long bus, long slot, long function) {
        static PciSlot of(org.jvirt.conf.domain.DeviceAddress a) {
            return new PciSlot(num(a.domain), num(a.bus), num(a.slot), num(a.function));
        }

        private static long num(String v) {
            if (v == null) {
                return 0;
            }
            return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        }
    }

    private static String bootOrder(NetDef n) {
        return n.boot == null ? null : n.boot.order;
    }

    // ---- detach

    /** virDomainDetachDeviceFlags, inside the domain's job. */
    void detach(QemuDomainObj o, String xml, boolean live, boolean config) {
        Impact imp = Impact.of(o, live, config);
        Device dev = parse(xml);
        if (imp.persistent() != null) {
            DomainDef next = DomainXml.copy(imp.persistent(), driver.parse);
            Object found = match(next, dev);
            next.devices().disks.remove(found);
            next.devices().interfaces.remove(found);
            persist(o, next);
        }
        if (imp.live() != null) {
            Object found;
            synchronized (o) {
                found = match(o.def, dev);
            }
            unplug(o, found instanceof DiskDef d ? d.alias.name : ((NetDef) found).alias.name);
        }
    }

    /** virDomainDetachDeviceAlias: the running domain's device with this alias. */
    void detachAlias(QemuDomainObj o, String alias, boolean live, boolean config) {
        Impact imp = Impact.of(o, live, config);
        if (imp.persistent() != null && imp.live() == null) {
            throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU, "no device found with alias "
                    + alias);
        }
        synchronized (o) {
            if (byAlias(o.def, alias) == null) {
                throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU, "no device found with alias "
                        + alias);
            }
        }
        unplug(o, alias);
    }

    private static Object match(DomainDef def, Device dev) {
        if (dev.disk() != null) {
            for (DiskDef d : def.devices().disks) {
                if (d.target.dev.equals(dev.disk().target.dev)) {
                    return d;
                }
            }
            throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU, "disk " + dev.disk().target.dev
                    + " not found");
        }
        return findNet(def, dev.net());
    }

    /**
     * libvirt's virDomainNetFindIdx, by MAC address and alias: the one interface of {@code def} that has the MAC
     * address {@code net} gives (a MAC the parse generated counts as none, libvirt's mac_generated) and its alias
     * if it gives one. (libvirt also matches a PCI address the device XML gives; jvirt does not yet.)
     */
    static NetDef findNet(DomainDef def, NetDef net) {
        boolean macGiven = net.mac != null && net.mac.address != null && !net.mac.generated;
        String mac = macGiven ? net.mac.address.toLowerCase(java.util.Locale.ROOT) : null;
        String alias = net.alias == null ? null : net.alias.name;
        NetDef found = null;
        for (NetDef n : def.devices().interfaces) {
            if (macGiven && (n.mac == null || !mac.equalsIgnoreCase(n.mac.address))) {
                continue;
            }
            if (alias != null && (n.alias == null || !alias.equals(n.alias.name))) {
                continue;
            }
            if (found != null) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, macGiven
                        ? "multiple devices matching MAC address " + mac + " found"
                        : "multiple matching devices found");
            }
            found = n;
        }
        if (found != null) {
            return found;
        }
        throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU, macGiven
                ? "no device matching MAC address " + mac + " found"
                : "no matching device found");
    }

    /** A MAC the parse generated for the new interface is none: the interface keeps its own. */
    private static void keepMacUnlessGiven(NetDef newdev, NetDef old) {
        if (newdev.mac == null || newdev.mac.generated) {
            newdev.mac = old.mac;
        }
    }

    private static Object byAlias(DomainDef def, String alias) {
        for (DiskDef d : def.devices().disks) {
            if (d.alias != null && alias.equals(d.alias.name)) {
                return d;
            }
        }
        for (NetDef n : def.devices().interfaces) {
            if (n.alias != null && alias.equals(n.alias.name)) {
                return n;
            }
        }
        return null;
    }

    /** device_del, then up to five seconds for QEMU's DEVICE_DELETED; a later one finishes the removal then. */
    private void unplug(QemuDomainObj o, String alias) {
        QmpMonitor mon;
        synchronized (o) {
            mon = o.monitor;
        }
        CompletableFuture<Void> gone = o.awaitRemoval(alias);
        execute(mon, "device_del", J.objectNode().put("id", alias));
        try {
            gone.get(REMOVAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("domain {}: device {} is not gone yet; it goes when the guest lets it", o.name(), alias);
            return;
        } catch (ExecutionException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        }
        removed(o, alias);
    }

    /**
     * A device QEMU deleted: its backend goes (block nodes, netdev), it leaves the running definition, and
     * DEVICE_REMOVED is delivered (qemuDomainRemoveDevice).
     */
    void removed(QemuDomainObj o, String alias) {
        QmpMonitor mon;
        Object dev;
        synchronized (o) {
            mon = o.monitor;
            dev = byAlias(o.def, alias);
            if (dev == null) {
                return;
            }
            o.def.devices().disks.remove(dev);
            o.def.devices().interfaces.remove(dev);
        }
        if (mon != null) {
            if (dev instanceof DiskDef d && BlockNodes.hasSource(d) && d.source.index != null) {
                String cache = d.driver == null ? null : d.driver.cache;
                for (BlockNodes.Layer l : BlockNodes.chain(d)) {
                    if (l.hasFormatNode(cache)) {
                        quietly(mon, "blockdev-del", J.objectNode().put("node-name", l.formatNode()));
                    }
                    quietly(mon, "blockdev-del", J.objectNode().put("node-name", l.storageNode()));
                }
            } else if (dev instanceof NetDef) {
                quietly(mon, "netdev_del", J.objectNode().put("id", "host" + alias));
            }
        }
        writeStatus(o);
        driver.emit(o, d -> new DomainDeviceRemovedEvent(d, alias));
    }

    /** A DEVICE_DELETED nobody waited for: the removal is finished in the domain's job, on a worker. */
    void removedLater(QemuDomainObj o, String alias) {
        driver.worker.execute(() -> {
            o.beginJob();
            try {
                removed(o, alias);
            } catch (RuntimeException e) {
                LOG.warn("domain {}: removing device {} failed: {}", o.name(), alias, e.toString());
            } finally {
                o.endJob();
            }
        });
    }

    // ---- helpers

    private void emitAdded(QemuDomainObj o, String alias) {
        driver.emit(o, d -> new DomainDeviceAddedEvent(d, alias));
    }

    private static Alias alias(String name) {
        Alias a = new Alias();
        a.name = name;
        return a;
    }

    private void writeStatus(QemuDomainObj o) {
        try {
            StatusFile.write(driver.paths.statusFile(o.name()), o);
        } catch (java.io.IOException e) {
            LOG.warn("domain {}: cannot write status: {}", o.name(), e.toString());
        }
    }
}
