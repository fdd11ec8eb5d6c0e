package org.jvirt.conf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.domain.Alias;
import org.jvirt.conf.domain.Blkiotune;
import org.jvirt.conf.domain.BootOrder;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ClockDef;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.CpuDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.GraphicsDef;
import org.jvirt.conf.domain.InputDef;
import org.jvirt.conf.domain.MemballoonDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.conf.domain.OsDef;
import org.jvirt.conf.domain.PmDef;
import org.jvirt.conf.domain.SecLabel;
import org.jvirt.conf.domain.SoundDef;
import org.jvirt.conf.domain.VideoDef;
import org.jvirt.conf.domain.WatchdogDef;
import org.w3c.dom.Element;

/** Writes a domain as libvirt's virDomainDefFormat does: its order of elements and attributes, its defaults. */
public final class DomainFormatter {
    /** libvirt's order of {@code <features>} (virDomainFeature). */
    static final List<String> FEATURE_ORDER = List.of("acpi", "apic", "pae", "hap", "viridian", "privnet",
            "hyperv", "kvm", "pvspinlock", "capabilities", "pmu", "vmport", "gic", "smm", "ioapic", "hpt",
            "vmcoreinfo", "htm", "nested-hv", "msrs", "ccf-assist", "xen", "cfpc", "sbbc", "ibs", "tcg");
    private static final Set<String> BARE_FEATURES = Set.of("acpi", "pae", "viridian", "privnet");
    private static final Set<String> STATE_FEATURES = Set.of("hap", "pmu", "pvspinlock", "vmport", "vmcoreinfo",
            "htm", "nested-hv", "ccf-assist");

    private final XmlBuffer b = new XmlBuffer();
    private final boolean inactive;
    private final boolean secure;

    private DomainFormatter(Set<DomainXMLFlag> flags) {
        this.inactive = flags.contains(DomainXMLFlag.INACTIVE);
        this.secure = flags.contains(DomainXMLFlag.SECURE);
    }

    public static String format(DomainDef def, Set<DomainXMLFlag> flags) {
        DomainFormatter f = new DomainFormatter(flags);
        f.domain(def);
        return f.b.toString();
    }

    private void domain(DomainDef d) {
        b.open("domain").attr("type", d.type).attr("id", !inactive && d.id >= 0 ? d.id : null).endOpen();
        b.textElement("name", d.name);
        b.textElement("uuid", d.uuid);
        b.textElement("title", d.title);
        b.textElement("description", d.description);
        if (d.metadata != null && !d.metadata.elements.isEmpty()) {
            b.open("metadata").endOpen();
            for (Element e : d.metadata.elements) {
                b.rawLines(MetadataWriter.write(e));
            }
            b.close("metadata");
        }
        if (d.maxMemory != null) {
            b.open("maxMemory").attr("slots", d.maxMemory.slots).attr("unit", "KiB").endText("maxMemory",
                    Long.toString(d.maxMemory.kib));
        }
        b.open("memory").attr("dumpCore", d.memory.dumpCore).attr("unit", "KiB").endText("memory",
                Long.toString(d.memory.kib));
        b.open("currentMemory").attr("unit", "KiB").endText("currentMemory", Long.toString(d.currentMemoryKiB()));
        blkiotune(d.blkiotune);
        b.open("vcpu").attr("placement", d.vcpu.placement).attr("cpuset", d.vcpu.cpuset)
                .attr("current", d.vcpu.currentText).endText("vcpu", d.vcpu.text);
        b.textElement("iothreads", d.iothreads);
        if (d.iothreadids != null && !d.iothreadids.iothreads.isEmpty()) {
            b.open("iothreadids").endOpen();
            d.iothreadids.iothreads.forEach(t -> b.open("iothread").attr("id", t.id).endEmpty());
            b.close("iothreadids");
        }
        os(d.os);
        features(d);
        cpu(d.cpu);
        clock(d.clock);
        b.textElement("on_poweroff", d.onPoweroff);
        b.textElement("on_reboot", d.onReboot);
        b.textElement("on_crash", d.onCrash);
        b.textElement("on_lockfailure", d.onLockfailure);
        pm(d.pm);
        devices(d.devices());
        for (SecLabel s : d.seclabels) {
            seclabel(s);
        }
        b.close("domain");
    }

    private void blkiotune(Blkiotune t) {
        if (t == null || (t.weight == null && t.devices.isEmpty())) {
            return;
        }
        b.open("blkiotune").endOpen();
        b.textElement("weight", t.weight);
        for (Blkiotune.Device dev : t.devices) {
            b.open("device").endOpen();
            b.textElement("path", dev.path);
            b.textElement("weight", dev.weight);
            b.textElement("read_iops_sec", dev.readIopsSec);
            b.textElement("write_iops_sec", dev.writeIopsSec);
            b.textElement("read_bytes_sec", dev.readBytesSec);
            b.textElement("write_bytes_sec", dev.writeBytesSec);
            b.close("device");
        }
        b.close("blkiotune");
    }

    private void os(OsDef os) {
        b.open("os").attr("firmware", os.firmware).endOpen();
        b.open("type").attr("arch", os.type.arch).attr("machine", os.type.machine).endText("type", os.type.value);
        b.textElement("init", os.init);
        os.initargs.forEach(a -> b.textElement("initarg", a));
        if (os.loader != null) {
            b.open("loader").attr("readonly", os.loader.readonly).attr("secure", os.loader.secure)
                    .attr("type", os.loader.type);
            if (os.loader.path == null || os.loader.path.isEmpty()) {
                b.endEmpty();
            } else {
                b.endText("loader", os.loader.path);
            }
        }
        if (os.nvram != null) {
            b.open("nvram").attr("template", os.nvram.template);
            if (os.nvram.path == null || os.nvram.path.isEmpty()) {
                b.endEmpty();
            } else {
                b.endText("nvram", os.nvram.path);
            }
        }
        b.textElement("kernel", os.kernel);
        b.textElement("initrd", os.initrd);
        b.textElement("cmdline", os.cmdline);
        b.textElement("dtb", os.dtb);
        b.textElement("root", os.root);
        os.boots.forEach(x -> b.open("boot").attr("dev", x.dev).endEmpty());
        if (os.bootmenu != null) {
            b.open("bootmenu").attr("enable", os.bootmenu.enable).attr("timeout", os.bootmenu.timeout).endEmpty();
        }
        if (os.bios != null) {
            b.open("bios").attr("useserial", os.bios.useserial).attr("rebootTimeout", os.bios.rebootTimeout)
                    .endEmpty();
        }
        if (os.smbios != null) {
            b.open("smbios").attr("mode", os.smbios.mode).endEmpty();
        }
        b.close("os");
    }

    private void features(DomainDef d) {
        if (d.features == null || d.features.elements.isEmpty()) {
            return;
        }
        List<Element> sorted = new ArrayList<>();
        for (String name : FEATURE_ORDER) {
            for (Element e : d.features.elements) {
                if (name.equals(e.getLocalName()) && e.getNamespaceURI() == null) {
                    sorted.add(e);
                    break;
                }
            }
        }
        if (sorted.isEmpty()) {
            return;
        }
        b.open("features").endOpen();
        for (Element e : sorted) {
            String name = e.getLocalName();
            String state = e.hasAttribute("state") ? e.getAttribute("state") : null;
            if (BARE_FEATURES.contains(name)) {
                if (state == null || state.equals("on")) {
                    b.empty(name);
                }
            } else if (STATE_FEATURES.contains(name) || name.equals("smm") && !e.hasChildNodes()) {
                b.open(name).attr("state", state == null ? "on" : state).endEmpty();
            } else if (name.equals("apic")) {
                b.open("apic").attr("eoi", e.hasAttribute("eoi") ? e.getAttribute("eoi") : null).endEmpty();
            } else {
                b.rawLines(MetadataWriter.writeSingleQuoted(e));
            }
        }
        b.close("features");
    }

    private void cpu(CpuDef c) {
        if (c == null) {
            return;
        }
        b.open("cpu").attr("mode", c.mode).attr("match", c.match).attr("check", c.check)
                .attr("migratable", c.migratable);
        if (c.model == null && c.vendor == null && c.topology == null && c.features.isEmpty()) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        if (c.model != null) {
            b.open("model").attr("fallback", c.model.fallback).attr("vendor_id", c.model.vendorId)
                    .endText("model", c.model.name == null ? "" : c.model.name);
        }
        b.textElement("vendor", c.vendor);
        if (c.topology != null) {
            b.open("topology").attr("sockets", c.topology.sockets).attr("dies", c.topology.dies)
                    .attr("cores", c.topology.cores).attr("threads", c.topology.threads).endEmpty();
        }
        for (CpuDef.Feature f : c.features) {
            b.open("feature").attr("policy", f.policy).attr("name", f.name).endEmpty();
        }
        b.close("cpu");
    }

    private void clock(ClockDef c) {
        b.open("clock").attr("offset", c.offset).attr("timezone", c.timezone).attr("adjustment", c.adjustment)
                .attr("basis", c.basis);
        if (c.timers.isEmpty()) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        for (ClockDef.Timer t : c.timers) {
            b.open("timer").attr("name", t.name).attr("track", t.track).attr("tickpolicy", t.tickpolicy)
                    .attr("frequency", t.frequency).attr("mode", t.mode).attr("present", t.present).endEmpty();
        }
        b.close("clock");
    }

    private void pm(PmDef pm) {
        if (pm == null || (pm.suspendToMem == null && pm.suspendToDisk == null)) {
            return;
        }
        b.open("pm").endOpen();
        if (pm.suspendToMem != null) {
            b.open("suspend-to-mem").attr("enabled", pm.suspendToMem.enabled).endEmpty();
        }
        if (pm.suspendToDisk != null) {
            b.open("suspend-to-disk").attr("enabled", pm.suspendToDisk.enabled).endEmpty();
        }
        b.close("pm");
    }

    private void seclabel(SecLabel s) {
        b.open("seclabel").attr("type", s.type).attr("model", s.model).attr("relabel", s.relabel);
        if (s.label == null && s.imagelabel == null && s.baselabel == null) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        b.textElement("label", s.label);
        b.textElement("imagelabel", s.imagelabel);
        b.textElement("baselabel", s.baselabel);
        b.close("seclabel");
    }

    // ---- devices

    private void devices(Devices d) {
        b.open("devices").endOpen();
        b.textElement("emulator", d.emulator);
        d.disks.forEach(this::disk);
        d.controllers.forEach(this::controller);
        d.interfaces.forEach(this::net);
        d.serials.forEach(c -> chr("serial", c));
        d.parallels.forEach(c -> chr("parallel", c));
        d.consoles.forEach(c -> chr("console", c));
        d.channels.forEach(c -> chr("channel", c));
        d.inputs.forEach(this::input);
        d.graphics.forEach(this::graphics);
        d.sounds.forEach(this::sound);
        d.videos.forEach(this::video);
        if (d.watchdog != null) {
            watchdog(d.watchdog);
        }
        if (d.memballoon != null) {
            memballoon(d.memballoon);
        }
        b.close("devices");
    }

    private void disk(DiskDef d) {
        b.open("disk").attr("type", d.type).attr("device", d.device).attr("model", d.model).attr("rawio", d.rawio)
                .attr("sgio", d.sgio).attr("snapshot", d.snapshot).endOpen();
        if (d.driver != null) {
            DiskDef.Driver v = d.driver;
            b.open("driver").attr("name", v.name).attr("type", v.type).attr("cache", v.cache)
                    .attr("error_policy", v.errorPolicy).attr("rerror_policy", v.rerrorPolicy).attr("io", v.io)
                    .attr("ioeventfd", v.ioeventfd).attr("event_idx", v.eventIdx)
                    .attr("copy_on_read", v.copyOnRead).attr("discard", v.discard).attr("iothread", v.iothread)
                    .attr("detect_zeroes", v.detectZeroes).attr("queues", v.queues).endEmpty();
        }
        diskSource(d);
        b.open("target").attr("dev", d.target.dev).attr("bus", d.target.bus).attr("tray", d.target.tray)
                .attr("removable", d.target.removable).endEmpty();
        if (d.readonly != null) {
            b.empty("readonly");
        }
        if (d.shareable != null) {
            b.empty("shareable");
        }
        if (d.transientDisk != null) {
            b.empty("transient");
        }
        b.textElement("serial", d.serial);
        b.textElement("wwn", d.wwn);
        b.textElement("vendor", d.vendor);
        b.textElement("product", d.product);
        deviceInfo(d.boot, d.alias, d.address);
        b.close("disk");
    }

    private void diskSource(DiskDef d) {
        DiskDef.Source s = d.source;
        if (s == null) {
            return;
        }
        b.open("source");
        switch (d.type) {
            case "file" -> b.attr("file", s.file);
            case "block" -> b.attr("dev", s.dev);
            case "dir" -> b.attr("dir", s.dir);
            case "network" -> b.attr("protocol", s.protocol).attr("name", s.name);
            case "volume" -> b.attr("pool", s.pool).attr("volume", s.volume).attr("mode", s.mode);
            default -> {
            }
        }
        b.attr("startupPolicy", s.startupPolicy);
        if (!"network".equals(d.type) || s.hosts.isEmpty()) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        for (DiskDef.Host h : s.hosts) {
            b.open("host").attr("name", h.name).attr("port", h.port).attr("transport", h.transport)
                    .attr("socket", h.socket).endEmpty();
        }
        b.close("source");
    }

    private void controller(ControllerDef c) {
        b.open("controller").attr("type", c.type).attr("index", c.index).attr("model", c.model)
                .attr("ports", c.ports).attr("vectors", c.vectors);
        if (c.alias == null && c.address == null) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        deviceInfo(null, c.alias, c.address);
        b.close("controller");
    }

    private void net(NetDef n) {
        b.open("interface").attr("type", n.type).attr("trustGuestRxFilters", n.trustGuestRxFilters).endOpen();
        b.open("mac").attr("address", n.mac.address).attr("type", n.mac.type).attr("check", n.mac.check).endEmpty();
        NetDef.Source s = n.source;
        if (s != null) {
            b.open("source");
            switch (n.type) {
                case "network" -> b.attr("network", s.network).attr("portgroup", s.portgroup);
                case "bridge" -> b.attr("bridge", s.bridge);
                case "direct" -> b.attr("dev", s.dev).attr("mode", s.mode);
                case "server", "client", "mcast", "udp" -> b.attr("address", s.address).attr("port", s.port);
                case "internal" -> b.attr("name", s.name);
                default -> {
                }
            }
            if (n.type.equals("user") || n.type.equals("ethernet")) {
                // these types take no source attributes that libvirt writes back
                b.endEmpty();
            } else {
                b.endEmpty();
            }
        }
        if (n.script != null) {
            b.open("script").attr("path", n.script.path).endEmpty();
        }
        if (n.target != null && n.target.dev != null) {
            b.open("target").attr("dev", n.target.dev).attr("managed", n.target.managed).endEmpty();
        }
        if (n.model != null) {
            b.open("model").attr("type", n.model.type).endEmpty();
        }
        if (n.link != null) {
            b.open("link").attr("state", n.link.state).endEmpty();
        }
        if (n.mtu != null) {
            b.open("mtu").attr("size", n.mtu.size).endEmpty();
        }
        deviceInfo(n.boot, n.alias, n.address);
        b.close("interface");
    }

    private void chr(String kind, ChrDef c) {
        b.open(kind).attr("type", c.type).attr("tty", inactive || !"pty".equals(c.type) ? null : c.tty).endOpen();
        if (!c.type.equals("pty") || !inactive) {
            for (ChrDef.Source s : c.sources) {
                if (s.mode == null && s.path == null && s.host == null && s.service == null) {
                    continue;
                }
                if (c.type.equals("pty") && inactive) {
                    continue;
                }
                b.open("source").attr("mode", s.mode).attr("path", s.path).attr("host", s.host)
                        .attr("service", s.service).attr("append", s.append).attr("tls", s.tls).endEmpty();
            }
        }
        if (c.protocol != null) {
            b.open("protocol").attr("type", c.protocol.type).endEmpty();
        }
        ChrDef.Target t = c.target;
        if (t != null) {
            b.open("target").attr("type", t.type);
            if (kind.equals("channel")) {
                b.attr("name", t.name).attr("address", t.address).attr("port",
                        "guestfwd".equals(t.type) ? t.port : null).attr("state", inactive ? null : t.state);
            } else {
                b.attr("port", t.port);
            }
            b.endEmpty();
        }
        deviceInfo(null, c.alias, c.address);
        b.close(kind);
    }

    private void input(InputDef in) {
        b.open("input").attr("type", in.type).attr("bus", in.bus).attr("model", in.model);
        if (in.alias == null && in.address == null) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        deviceInfo(null, in.alias, in.address);
        b.close("input");
    }

    private void graphics(GraphicsDef g) {
        b.open("graphics").attr("type", g.type);
        switch (g.type) {
            case "vnc" -> {
                boolean socket = !g.listens.isEmpty() && "socket".equals(g.listens.get(0).type);
                if (socket) {
                    b.attr("socket", g.listens.get(0).socket);
                } else {
                    b.attr("port", g.port).attr("autoport", g.autoport);
                }
                b.attr("websocket", g.websocket).attr("sharePolicy", g.sharePolicy);
                b.attr("listen", g.listen).attr("keymap", g.keymap);
            }
            case "sdl" -> b.attr("display", g.display).attr("xauth", g.xauth).attr("fullscreen", g.fullscreen);
            case "rdp" -> b.attr("port", g.port).attr("autoport", g.autoport).attr("multiUser", g.multiUser)
                    .attr("replaceUser", g.replaceUser).attr("listen", g.listen);
            case "desktop" -> b.attr("display", g.display).attr("fullscreen", g.fullscreen);
            case "spice" -> b.attr("port", g.port).attr("tlsPort", g.tlsPort).attr("autoport", g.autoport)
                    .attr("listen", g.listen).attr("keymap", g.keymap);
            default -> {
            }
        }
        if (secure || !inactive) {
            b.attr("passwd", secure ? g.passwd : null);
        }
        b.attr("passwdValidTo", g.passwdValidTo).attr("connected", g.connected);
        boolean listens = !g.listens.isEmpty() && !g.type.equals("sdl") && !g.type.equals("desktop");
        if (!listens) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        for (GraphicsDef.Listen l : g.listens) {
            b.open("listen").attr("type", l.type);
            switch (l.type == null ? "" : l.type) {
                case "address" -> b.attr("address", l.address);
                case "network" -> b.attr("network", l.network).attr("address", inactive ? null : l.address);
                case "socket" -> b.attr("socket", l.socket);
                default -> {
                }
            }
            b.endEmpty();
        }
        b.close("graphics");
    }

    private void sound(SoundDef s) {
        b.open("sound").attr("model", s.model);
        if (s.alias == null && s.address == null) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        deviceInfo(null, s.alias, s.address);
        b.close("sound");
    }

    private void video(VideoDef v) {
        b.open("video").endOpen();
        VideoDef.Model m = v.model;
        b.open("model").attr("type", m.type).attr("ram", m.ram).attr("vram", m.vram).attr("vram64", m.vram64)
                .attr("vgamem", m.vgamem).attr("heads", m.heads).attr("primary", m.primary).endEmpty();
        deviceInfo(null, v.alias, v.address);
        b.close("video");
    }

    private void watchdog(WatchdogDef w) {
        b.open("watchdog").attr("model", w.model).attr("action", w.action);
        if (w.alias == null && w.address == null) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        deviceInfo(null, w.alias, w.address);
        b.close("watchdog");
    }

    private void memballoon(MemballoonDef m) {
        b.open("memballoon").attr("model", m.model).attr("autodeflate", m.autodeflate)
                .attr("freePageReporting", m.freePageReporting);
        if (m.stats == null && m.alias == null && m.address == null) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        if (m.stats != null) {
            b.open("stats").attr("period", m.stats.period).endEmpty();
        }
        deviceInfo(null, m.alias, m.address);
        b.close("memballoon");
    }

    private void deviceInfo(BootOrder boot, Alias alias, DeviceAddress a) {
        if (boot != null) {
            b.open("boot").attr("order", boot.order).attr("loadparm", boot.loadparm).endEmpty();
        }
        if (alias != null && alias.name != null && (!inactive || alias.name.startsWith("ua-"))) {
            b.open("alias").attr("name", alias.name).endEmpty();
        }
        if (a != null && a.type != null && !a.type.equals("none")) {
            address(a);
        }
    }

    private void address(DeviceAddress a) {
        b.open("address").attr("type", a.type);
        switch (a.type) {
            case "pci" -> b.attr("domain", hex(a.domain, 4)).attr("bus", hex(a.bus, 2)).attr("slot", hex(a.slot, 2))
                    .attr("function", a.function == null ? "0x0" : "0x" + Long.toHexString(num(a.function)))
                    .attr("multifunction", a.multifunction);
            case "drive" -> b.attr("controller", dec(a.controller)).attr("bus", dec(a.bus))
                    .attr("target", dec(a.target)).attr("unit", dec(a.unit));
            case "virtio-serial" -> b.attr("controller", dec(a.controller)).attr("bus", dec(a.bus))
                    .attr("port", dec(a.port));
            case "ccid" -> b.attr("controller", dec(a.controller)).attr("slot", dec(a.slot));
            case "usb" -> b.attr("bus", dec(a.bus)).attr("port", a.port);
            case "spapr-vio" -> b.attr("reg", a.reg == null ? null : String.format("0x%08x", num(a.reg)));
            case "ccw" -> b.attr("cssid", a.cssid == null ? null : "0x" + Long.toHexString(num(a.cssid)))
                    .attr("ssid", a.ssid == null ? null : "0x" + Long.toHexString(num(a.ssid)))
                    .attr("devno", a.devno == null ? null : String.format("0x%04x", num(a.devno)));
            case "isa" -> b.attr("iobase", a.iobase == null ? null : "0x" + Long.toHexString(num(a.iobase)))
                    .attr("irq", a.irq == null ? null : "0x" + Long.toHexString(num(a.irq)));
            case "dimm" -> b.attr("slot", dec(a.slot)).attr("base",
                    a.base == null ? null : "0x" + Long.toHexString(num(a.base)));
            default -> {
            }
        }
        b.endEmpty();
    }

    private static long num(String s) {
        return DomainPostParse.parseNumber(s, "Cannot parse <address> attribute");
    }

    private static String hex(String s, int width) {
        return String.format("0x%0" + width + "x", s == null ? 0 : num(s));
    }

    private static String dec(String s) {
        return Long.toString(s == null ? 0 : num(s));
    }
}
