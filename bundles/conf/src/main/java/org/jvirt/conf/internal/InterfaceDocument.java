package org.jvirt.conf.internal;

import java.util.Iterator;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.iface.InterfaceDef;

/**
 * Host interfaces ({@code <interface>}) as libvirt's interface_conf: what is read at which level (start mode, MTU
 * and addressing only on the top-level interface, link state not on a bridge), the checks, and the format.
 */
public final class InterfaceDocument {
    private static final List<String> TYPES = List.of("ethernet", "bridge", "bond", "vlan");
    private static final List<String> START_MODES = List.of("onboot", "hotplug", "none");
    private static final List<String> BOND_MODES = List.of("balance-rr", "active-backup", "balance-xor",
            "broadcast", "802.3ad", "balance-tlb", "balance-alb");
    private static final List<String> LINK_STATES = List.of("unknown", "notpresent", "down", "lowerlayerdown",
            "testing", "dormant", "up");

    private InterfaceDocument() {
    }

    /** Checks and trims a parsed interface as libvirt reads it. */
    public static void check(InterfaceDef def) {
        check(def, null);
    }

    private static void check(InterfaceDef def, String parentType) {
        String type = XmlValues.requiredEnum(def.type, "type", "interface", TYPES);
        if ("bond".equals(parentType) && !type.equals("ethernet")
                || "bridge".equals(parentType) && !List.of("ethernet", "bond", "vlan").contains(type)
                || "ethernet".equals(parentType) || "vlan".equals(parentType)) {
            throw error("interface has unsupported type '" + type + "'");
        }
        if (def.name == null) {
            throw error("interface has no name");
        }
        if (parentType == null) {
            if (def.start != null && def.start.mode != null && !START_MODES.contains(def.start.mode)) {
                throw error("unknown interface startmode " + def.start.mode);
            }
            if (def.start != null && def.start.mode == null) {
                def.start = null;
            }
            checkMtu(def);
            for (InterfaceDef.Protocol p : def.protocols) {
                checkProtocol(p);
            }
        } else {
            // start mode, MTU and addressing belong to the top-level interface only
            def.start = null;
            def.mtu = null;
            def.protocols.clear();
        }
        if (type.equals("bridge")) {
            def.link = null;
        } else if (def.link != null) {
            XmlValues.propEnum(def.link.state, "state", "link", LINK_STATES);
            Long speed = XmlValues.propUInt(def.link.speed, "speed", "link");
            def.link.speed = speed == null || speed == 0 ? null : speed.toString();
        }
        if (!type.equals("ethernet")) {
            def.mac = null;
        }
        switch (type) {
            case "bridge" -> checkBridge(def);
            case "bond" -> checkBond(def);
            case "vlan" -> checkVlan(def);
            default -> {
                def.bridge = null;
                def.bond = null;
                def.vlan = null;
            }
        }
    }

    private static void checkMtu(InterfaceDef def) {
        if (def.mtu == null || def.mtu.size == null) {
            def.mtu = null;
            return;
        }
        Long v = XmlValues.parseLong(def.mtu.size, 10);
        if (v == null || v < 0 || v > 100000) {
            throw error("interface mtu value is improper");
        }
        def.mtu.size = v == 0 ? null : v.toString();
        if (def.mtu.size == null) {
            def.mtu = null;
        }
    }

    private static void checkProtocol(InterfaceDef.Protocol p) {
        if (p.family == null) {
            throw error("protocol misses the family attribute");
        }
        if (!p.family.equals("ipv4") && !p.family.equals("ipv6")) {
            throw error("unsupported protocol family '" + p.family + "'");
        }
        if (p.family.equals("ipv4")) {
            // only IPv6 has stateless autoconfiguration
            p.autoconf = null;
        }
        if (p.dhcp != null) {
            XmlValues.propYesNo(p.dhcp.peerdns, "peerdns", "dhcp");
        }
        for (Iterator<InterfaceDef.Protocol.Ip> i = p.ips.iterator(); i.hasNext();) {
            InterfaceDef.Protocol.Ip ip = i.next();
            if (ip.address == null) {
                i.remove();
                continue;
            }
            Integer prefix = XmlValues.propInt(ip.prefix, 0, "prefix", "ip");
            ip.prefix = prefix == null || prefix == 0 ? null : prefix.toString();
        }
        if (p.route != null && p.route.gateway == null) {
            p.route = null;
        }
    }

    private static void checkBridge(InterfaceDef def) {
        if (def.bridge == null) {
            throw error("bridge interface misses the bridge element");
        }
        if (def.bridge.stp != null && !def.bridge.stp.equals("on") && !def.bridge.stp.equals("off")) {
            // libvirt reports this, yet keeps the interface: without the setting and what it reads after it
            def.bridge.stp = null;
            def.bridge.delay = null;
            def.bridge.interfaces.clear();
        }
        for (InterfaceDef itf : def.bridge.interfaces) {
            check(itf, "bridge");
        }
        def.bond = null;
        def.vlan = null;
    }

    private static void checkBond(InterfaceDef def) {
        if (def.bond == null) {
            throw error("bond interface misses the bond element");
        }
        InterfaceDef.Bond b = def.bond;
        if (b.mode != null && !BOND_MODES.contains(b.mode)) {
            throw error("unknown bonding mode " + b.mode);
        }
        for (InterfaceDef itf : b.interfaces) {
            check(itf, "bond");
        }
        if (b.miimon != null) {
            b.arpmon = null;
            Integer freq = XmlValues.parseInt(b.miimon.freq, 10);
            if (freq == null) {
                throw error("bond interface miimon freq missing or invalid");
            }
            b.miimon.freq = freq.toString();
            b.miimon.downdelay = delay(b.miimon.downdelay, "bond interface miimon downdelay invalid");
            b.miimon.updelay = delay(b.miimon.updelay, "bond interface miimon updelay invalid");
            if (b.miimon.carrier != null && !b.miimon.carrier.equals("ioctl")
                    && !b.miimon.carrier.equals("netif")) {
                throw error("unknown mii bonding carrier " + b.miimon.carrier);
            }
        } else if (b.arpmon != null) {
            Integer interval = XmlValues.parseInt(b.arpmon.interval, 10);
            if (interval == null) {
                throw error("bond interface arpmon interval missing or invalid");
            }
            b.arpmon.interval = interval.toString();
            if (b.arpmon.target == null) {
                throw error("bond interface arpmon target missing");
            }
            if (b.arpmon.validate != null && !List.of("active", "backup", "all").contains(b.arpmon.validate)) {
                throw error("unknown arp bonding validate " + b.arpmon.validate);
            }
        }
        def.bridge = null;
        def.vlan = null;
    }

    private static String delay(String value, String error) {
        if (value == null) {
            return null;
        }
        Integer v = XmlValues.parseInt(value, 10);
        if (v == null) {
            throw error(error);
        }
        return v > 0 ? v.toString() : null;
    }

    private static void checkVlan(InterfaceDef def) {
        if (def.vlan == null) {
            throw error("vlan interface misses the vlan element");
        }
        if (def.vlan.tag == null) {
            throw error("vlan interface misses the tag attribute");
        }
        if (def.vlan.interfaceDef == null || def.vlan.interfaceDef.name == null) {
            throw error("vlan interface misses name attribute");
        }
        def.bridge = null;
        def.bond = null;
    }

    private static VirtException error(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.INTERFACE, detail);
    }

    /** Writes an interface as virInterfaceDefFormat. */
    public static String format(InterfaceDef def) {
        XmlBuffer b = new XmlBuffer();
        device(b, def, true);
        return b.toString();
    }

    private static void device(XmlBuffer b, InterfaceDef def, boolean top) {
        // libvirt leaves a space after the type even where there is no name
        b.open("interface").raw(" type='" + def.type + "' ");
        if (def.name != null) {
            b.rawEscaped("name='", def.name, "'");
        }
        b.endOpen();
        if (top) {
            if (def.start != null) {
                b.open("start").attr("mode", def.start.mode).endEmpty();
            }
            if (def.mtu != null) {
                b.open("mtu").attr("size", def.mtu.size).endEmpty();
            }
            for (InterfaceDef.Protocol p : def.protocols) {
                protocol(b, p);
            }
        }
        if (!def.type.equals("bridge") && def.link != null && (def.link.speed != null || def.link.state != null)) {
            b.open("link").attr("speed", def.link.speed).attr("state", def.link.state).endEmpty();
        }
        switch (def.type) {
            case "ethernet" -> {
                if (def.mac != null && def.mac.address != null) {
                    b.open("mac").attr("address", def.mac.address).endEmpty();
                }
            }
            case "bridge" -> {
                b.open("bridge").attr("stp", def.bridge.stp).attr("delay", def.bridge.delay).endOpen();
                for (InterfaceDef itf : def.bridge.interfaces) {
                    device(b, itf, false);
                }
                b.close("bridge");
            }
            case "bond" -> bond(b, def.bond);
            case "vlan" -> {
                b.open("vlan").attr("tag", def.vlan.tag).endOpen();
                b.open("interface").attr("name", def.vlan.interfaceDef.name).endEmpty();
                b.close("vlan");
            }
            default -> {
                // no other type passes the checks
            }
        }
        b.close("interface");
    }

    private static void protocol(XmlBuffer b, InterfaceDef.Protocol p) {
        b.open("protocol").attr("family", p.family).endOpen();
        if (p.autoconf != null) {
            b.empty("autoconf");
        }
        if (p.dhcp != null) {
            b.open("dhcp").attr("peerdns", p.dhcp.peerdns).endEmpty();
        }
        for (InterfaceDef.Protocol.Ip ip : p.ips) {
            b.open("ip").attr("address", ip.address).attr("prefix", ip.prefix).endEmpty();
        }
        if (p.route != null) {
            b.open("route").attr("gateway", p.route.gateway).endEmpty();
        }
        b.close("protocol");
    }

    private static void bond(XmlBuffer b, InterfaceDef.Bond bond) {
        b.open("bond").attr("mode", bond.mode).endOpen();
        if (bond.miimon != null) {
            b.open("miimon").attr("freq", bond.miimon.freq).attr("downdelay", bond.miimon.downdelay)
                    .attr("updelay", bond.miimon.updelay).attr("carrier", bond.miimon.carrier).endEmpty();
        } else if (bond.arpmon != null) {
            b.open("arpmon").attr("interval", bond.arpmon.interval).attr("target", bond.arpmon.target)
                    .attr("validate", bond.arpmon.validate).endEmpty();
        }
        for (InterfaceDef itf : bond.interfaces) {
            device(b, itf, false);
        }
        b.close("bond");
    }
}
