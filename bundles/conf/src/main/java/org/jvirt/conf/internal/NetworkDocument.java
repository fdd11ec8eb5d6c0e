package org.jvirt.conf.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.Bandwidth;
import org.jvirt.conf.domain.Vlan;
import org.jvirt.conf.network.NetworkDef;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Virtual networks ({@code <network>}) as libvirt's network_conf: the checks and defaults of its parser (forward
 * mode and devices, bridge settings, addresses in their canonical form, DHCP, DNS, routes, the rules that tie
 * them to the forward mode) and its format.
 */
public final class NetworkDocument {
    /** The namespace of the dnsmasq options libvirt's network driver reads. */
    public static final String DNSMASQ_NS = "http://libvirt.org/schemas/network/dnsmasq/1.0";
    private static final List<String> FORWARD_MODES = List.of("none", "nat", "route", "open", "bridge", "private",
            "vepa", "passthrough", "hostdev");
    private static final List<String> MAC_TABLE_MANAGERS = List.of("default", "kernel", "libvirt");
    private static final List<String> LEASE_UNITS = List.of("seconds", "minutes", "hours");
    private static final List<String> DRIVER_NAMES = List.of("default", "kvm", "vfio", "xen");
    private static final String PROTOCOL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+/";
    private static final String SERVICE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*";
    /** libvirt's DNS_RECORD_LENGTH_SRV: the longest SRV service name. */
    private static final int SRV_LENGTH = 189;

    private NetworkDocument() {
    }

    // ---- reading

    /** virNetworkDefParseXML's checks and defaults. */
    public static void check(NetworkDef def) {
        if (def.name == null) {
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.NETWORK, null);
        }
        DomainXml.checkIllegalChars("name", def.name, "/");
        String n = def.name;
        uuid(def);
        if (def.title != null && def.title.indexOf('\n') >= 0) {
            throw xml("Network title can't contain newlines");
        }
        if (def.ipv6 != null) {
            if (!def.ipv6.equals("yes") && !def.ipv6.equals("no")) {
                throw xml("Invalid ipv6 setting '" + def.ipv6 + "' in network '" + n + "'");
            }
            def.ipv6 = def.ipv6.equals("yes") ? "yes" : null;
        }
        XmlValues.propYesNo(def.trustGuestRxFilters, "trustGuestRxFilters", "network");
        domain(def);
        def.bandwidth = bandwidth(def.bandwidth, false);
        def.vlan = vlan(def.vlan);
        if (def.port != null) {
            XmlValues.propYesNo(def.port.isolated, "isolated", "port");
            if (def.port.isolated == null) {
                def.port = null;
            }
        }
        boolean stpGiven = bridge(def);
        mac(def);
        if (def.mtu != null && def.mtu.size != null) {
            Long mtu = XmlValues.parseUInt(def.mtu.size, 10);
            if (mtu == null) {
                throw xml("Invalid mtu size '" + def.mtu.size + "' in network '" + n + "'");
            }
            def.mtu.size = mtu == 0 ? null : mtu.toString();
        }
        if (def.mtu != null && def.mtu.size == null) {
            def.mtu = null;
        }
        if (def.dns != null) {
            dns(n, def.dns);
        }
        if (def.virtualport != null) {
            def.virtualport = virtualport(def.virtualport, true);
        }
        for (NetworkDef.Portgroup pg : def.portgroups) {
            portgroup(pg);
        }
        for (NetworkDef.Ip ip : def.ips) {
            ip(n, ip);
        }
        routes(def);
        if (def.forward != null) {
            forward(n, def.forward);
        }
        modeRules(def, stpGiven);
        dnsmasq(def);
    }

    private static void uuid(NetworkDef def) {
        if (def.uuid == null) {
            def.uuid = UUID.randomUUID().toString();
            return;
        }
        String u = def.uuid.strip().replace("-", "");
        if (u.length() != 32 || !u.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "malformed uuid element");
        }
        u = u.toLowerCase(Locale.ROOT);
        def.uuid = u.substring(0, 8) + "-" + u.substring(8, 12) + "-" + u.substring(12, 16) + "-"
                + u.substring(16, 20) + "-" + u.substring(20);
    }

    private static void domain(NetworkDef def) {
        NetworkDef.Domain d = def.domain;
        if (d == null) {
            return;
        }
        XmlValues.propYesNo(d.localOnly, "localOnly", "domain");
        XmlValues.propYesNo(d.register, "register", "domain");
        if ("yes".equals(d.register) && !"yes".equals(d.localOnly)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, "attribute 'register=yes' in "
                    + "<domain> element requires 'localOnly=yes' in network " + def.name);
        }
        if (d.name == null) {
            def.domain = null;
        }
    }

    /** Returns whether an stp setting was given (some forward modes refuse one). */
    private static boolean bridge(NetworkDef def) {
        NetworkDef.Bridge b = def.bridge;
        if (b == null) {
            return false;
        }
        boolean stpGiven = b.stp != null;
        b.stp = "off".equals(b.stp) ? "off" : "on";
        if (b.delay != null) {
            Long d = XmlValues.parseLong(b.delay, 10);
            if (d == null || d < 0) {
                throw xml("Invalid delay value in network '" + def.name + "'");
            }
            b.delay = d.toString();
        }
        if (b.macTableManager != null && MAC_TABLE_MANAGERS.indexOf(b.macTableManager) <= 0) {
            throw xml("Invalid macTableManager setting '" + b.macTableManager + "' in network '" + def.name + "'");
        }
        return stpGiven;
    }

    private static void mac(NetworkDef def) {
        if (def.mac == null || def.mac.address == null) {
            def.mac = null;
            return;
        }
        String m = XmlValues.mac(def.mac.address);
        if (m == null) {
            throw xml("Invalid bridge mac address '" + def.mac.address + "' in network '" + def.name + "'");
        }
        if (XmlValues.multicast(m)) {
            throw xml("Invalid multicast bridge mac address '" + def.mac.address + "' in network '" + def.name
                    + "'");
        }
        def.mac.address = m;
    }

    private static void dns(String n, NetworkDef.Dns dns) {
        if (!DefinitionScope.whole()) {
            // the records of an update are checked against the network they go into, by its name
            return;
        }
        XmlValues.propYesNo(dns.enable, "enable", "dns");
        XmlValues.propYesNo(dns.forwardPlainNames, "forwardPlainNames", "dns");
        for (NetworkDef.Dns.Forwarder f : dns.forwarders) {
            if (f.addr != null) {
                String a = IpAddresses.canonical(f.addr);
                if (a == null) {
                    throw xml("Invalid forwarder IP address '" + f.addr + "' in network '" + n + "'");
                }
                f.addr = a;
            }
            if (f.addr == null && f.domain == null) {
                throw xml("Invalid forwarder element, must contain at least one of addr or domain");
            }
        }
        for (NetworkDef.Dns.Host h : dns.hosts) {
            if (h.hostnames.isEmpty()) {
                throw detail("Missing hostname in network '" + n + "' DNS HOST record");
            }
            for (String name : h.hostnames) {
                if (name.isEmpty()) {
                    throw detail("Missing hostname in network '" + n + "' DNS HOST record");
                }
            }
            if (h.ip == null) {
                throw detail("Missing IP address in network '" + n + "' DNS HOST record");
            }
            String ip = IpAddresses.canonical(h.ip);
            if (ip == null) {
                throw detail("Invalid IP address in network '" + n + "' DNS HOST record");
            }
            h.ip = ip;
        }
        for (NetworkDef.Dns.Srv s : dns.srvs) {
            srv(n, s);
        }
        for (NetworkDef.Dns.Txt t : dns.txts) {
            if (t.name == null) {
                throw detail("missing required name attribute in DNS TXT record of network " + n);
            }
            if (t.name.indexOf(' ') >= 0 || t.name.indexOf(',') >= 0) {
                throw detail("prohibited character in DNS TXT record name '" + t.name + "' of network " + n);
            }
            if (t.value == null) {
                throw detail("missing required value attribute in DNS TXT record named '" + t.name
                        + "' of network " + n);
            }
        }
        boolean data = !dns.forwarders.isEmpty() || !dns.hosts.isEmpty() || !dns.srvs.isEmpty()
                || !dns.txts.isEmpty();
        if ("no".equals(dns.enable) && data) {
            throw xml("Extra data in disabled network '" + n + "'");
        }
    }

    private static void srv(String n, NetworkDef.Dns.Srv s) {
        if (s.service == null) {
            throw detail("missing required service attribute in DNS SRV record of network '" + n + "'");
        }
        if (s.service.length() > SRV_LENGTH) {
            throw detail("service attribute '" + s.service + "' in network '" + n + "' is too long, limit is "
                    + SRV_LENGTH + " bytes");
        }
        if (!only(s.service, SERVICE_CHARS)) {
            throw detail("invalid character in service attribute '" + s.service + "' in DNS SRV record of network '"
                    + n + "'");
        }
        if (s.protocol == null) {
            throw detail("missing required protocol attribute in DNS SRV record '" + s.service + "' of network '"
                    + n + "'");
        }
        if (!only(s.protocol, PROTOCOL_CHARS)) {
            throw detail("invalid character in protocol attribute '" + s.protocol
                    + "' in DNS SRV record of network '" + n + "'");
        }
        s.port = srvNumber(s.port, s, "port", n, 1, 65535, "invalid");
        s.priority = srvNumber(s.priority, s, "priority", n, 0, 65535, "Invalid");
        s.weight = srvNumber(s.weight, s, "weight", n, 0, 65535, "invalid");
    }

    private static String srvNumber(String v, NetworkDef.Dns.Srv s, String what, String n, long min, long max,
            String invalid) {
        if (v == null) {
            return null;
        }
        Long x = XmlValues.parseUInt(v, 10);
        if (x != null && s.target == null) {
            throw detail("DNS SRV " + what + " attribute not permitted without target for service '" + s.service
                    + "' in network '" + n + "'");
        }
        if (x == null || x < min || x > max) {
            throw detail(invalid + " DNS SRV " + what + " attribute for service '" + s.service + "' in network '"
                    + n + "'");
        }
        return x == 0 ? null : x.toString();
    }

    private static boolean only(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void portgroup(NetworkDef.Portgroup pg) {
        if (pg.name == null) {
            throw xml("Missing required name attribute in portgroup");
        }
        pg.defaultAttr = pg.defaultAttr != null && pg.defaultAttr.equalsIgnoreCase("yes") ? "yes" : null;
        XmlValues.propYesNo(pg.trustGuestRxFilters, "trustGuestRxFilters", "portgroup");
        if (pg.virtualport != null) {
            pg.virtualport = virtualport(pg.virtualport, false);
        }
        pg.bandwidth = bandwidth(pg.bandwidth, false);
        pg.vlan = vlan(pg.vlan);
    }

    private static void ip(String n, NetworkDef.Ip ip) {
        if (ip.address == null) {
            if (!DefinitionScope.whole()) {
                // a section wrapped for an update (<ip><dhcp>…) has no address of its own
                return;
            }
            throw xml("Missing required address attribute in network '" + n + "'");
        }
        byte[] addr = IpAddresses.parse(ip.address);
        if (addr == null) {
            throw xml("Invalid address '" + ip.address + "' in network '" + n + "'");
        }
        byte[] mask = null;
        if (ip.netmask != null) {
            mask = IpAddresses.parse(ip.netmask);
            if (mask == null) {
                throw xml("Invalid netmask '" + ip.netmask + "' in network '" + n + "'");
            }
        }
        Long prefix = XmlValues.propUInt(ip.prefix, "prefix", "ip");
        XmlValues.propYesNo(ip.localPtr, "localPtr", "ip");
        if (ip.family == null || ip.family.equals("ipv4")) {
            if (addr.length != 4) {
                throw unsupported((ip.family == null ? "no" : "ipv4") + " family specified for non-IPv4 address '"
                        + ip.address + "' in network '" + n + "'");
            }
            if (mask != null) {
                if (mask.length != 4) {
                    throw unsupported("Invalid netmask '" + ip.netmask + "' for address '" + ip.address
                            + "' in network '" + n + "' (both must be IPv4)");
                }
                if (prefix != null && prefix > 0) {
                    throw unsupported("Network '" + n + "' IP address cannot have both a prefix and a netmask");
                }
            } else if (prefix != null && prefix > 32) {
                throw unsupported("Invalid IPv4 prefix '" + prefix + "' in network '" + n + "'");
            }
        } else if (ip.family.equals("ipv6")) {
            if (addr.length != 16) {
                throw unsupported("Family 'ipv6' specified for non-IPv6 address '" + ip.address + "' in network '"
                        + n + "'");
            }
            if (mask != null) {
                throw unsupported("netmask not allowed for IPv6 address '" + ip.address + "' in network '" + n
                        + "'");
            }
            if (prefix != null && prefix > 128) {
                throw unsupported("Invalid IPv6 prefix '" + prefix + "' in network '" + n + "'");
            }
        } else {
            throw xml("Unrecognized family '" + ip.family + "' in network '" + n + "'");
        }
        ip.address = IpAddresses.format(addr);
        ip.netmask = mask == null ? null : IpAddresses.format(mask);
        ip.prefix = prefix == null || prefix == 0 ? null : prefix.toString();
        int pfx = IpAddresses.prefix(addr, mask, prefix == null ? 0 : prefix.intValue());
        if (ip.dhcp != null) {
            dhcp(n, ip, addr, pfx);
        }
        if (ip.tftp != null) {
            if (addr.length != 4) {
                throw unsupported("Unsupported <tftp> element in an IPv6 element in network '" + n + "'");
            }
            if (ip.tftp.root == null) {
                ip.tftp = null;
            }
        }
    }

    private static void dhcp(String n, NetworkDef.Ip ip, byte[] addr, int prefix) {
        NetworkDef.Ip.Dhcp d = ip.dhcp;
        for (NetworkDef.Ip.Dhcp.Range r : d.ranges) {
            if (r.start == null) {
                throw xml("Missing 'start' attribute in dhcp range for network '" + n + "'");
            }
            byte[] start = address(r.start);
            if (r.end == null) {
                throw xml("Missing 'end' attribute in dhcp range for network '" + n + "'");
            }
            byte[] end = address(r.end);
            range(start, end, addr, prefix);
            r.start = IpAddresses.format(start);
            r.end = IpAddresses.format(end);
            r.lease = lease(r.lease);
        }
        for (NetworkDef.Ip.Dhcp.Host h : d.hosts) {
            dhcpHost(n, addr, h);
        }
        if (d.bootp != null) {
            if (addr.length != 4) {
                d.bootp = null;
            } else {
                if (d.bootp.file == null) {
                    throw XmlValues.missing("file", "bootp");
                }
                if (d.bootp.server != null) {
                    d.bootp.server = IpAddresses.format(address(d.bootp.server));
                }
            }
        }
        if (d.ranges.isEmpty() && d.hosts.isEmpty()) {
            // libvirt writes <dhcp> only for ranges and hosts (a bootp alone goes with them)
            ip.dhcp = null;
        }
    }

    private static void dhcpHost(String n, byte[] net, NetworkDef.Ip.Dhcp.Host h) {
        if (h.mac != null) {
            if (net.length == 16) {
                throw xml("Invalid to specify MAC address '" + h.mac + "' in network '" + n
                        + "' IPv6 static host definition");
            }
            String m = XmlValues.mac(h.mac);
            if (m == null) {
                throw xml("Cannot parse MAC address '" + h.mac + "' in network '" + n + "'");
            }
            if (XmlValues.multicast(m)) {
                throw xml("expected unicast mac address, found multicast '" + h.mac + "' in network '" + n + "'");
            }
        }
        if (h.id != null) {
            for (int i = 0; i < h.id.length(); i++) {
                char c = h.id.charAt(i);
                if ("0123456789abcdefABCDEF:".indexOf(c) < 0) {
                    throw xml("Invalid character '" + c + "' in id '" + h.id + "' of network '" + n + "'");
                }
            }
        }
        if (h.name != null && (h.name.isEmpty() || !Character.isLetterOrDigit(h.name.charAt(0))
                || h.name.charAt(0) > 127)) {
            throw xml("Cannot use host name '" + h.name + "' in network '" + n + "'");
        }
        byte[] ip = null;
        if (h.ip != null) {
            ip = IpAddresses.parse(h.ip);
            if (ip == null) {
                throw xml("Invalid IP address in static host definition for network '" + n + "'");
            }
        }
        if (net.length == 16) {
            if (h.id == null && h.name == null) {
                throw xml("Static host definition in IPv6 network '" + n + "' must have id or name attribute");
            }
        } else if (h.mac == null && h.name == null) {
            throw xml("Static host definition in IPv4 network '" + n + "' must have mac or name attribute");
        }
        if (ip == null) {
            throw xml("Missing IP address in static host definition for network '" + n + "'");
        }
        h.ip = IpAddresses.format(ip);
        h.lease = lease(h.lease);
    }

    private static NetworkDef.Ip.Dhcp.Lease lease(NetworkDef.Ip.Dhcp.Lease l) {
        if (l == null) {
            return null;
        }
        Long expiry = l.expiry == null ? null : XmlValues.parseLong(l.expiry, 10);
        if (l.expiry != null && (expiry == null || expiry < 0)) {
            throw xml("Invalid value for attribute 'expiry' in element 'lease': '" + l.expiry
                    + "'. Expected non-negative integer value");
        }
        if (expiry == null) {
            return null;
        }
        String unit = l.unit == null ? "minutes" : XmlValues.propEnum(l.unit, "unit", "lease", LEASE_UNITS);
        if (expiry > 0 && (unit.equals("seconds") && expiry < 120 || unit.equals("minutes") && expiry < 2)) {
            throw unsupported("The minimum lease time should be greater than 2 minutes");
        }
        l.expiry = expiry.toString();
        l.unit = expiry == 0 ? null : unit;
        return l;
    }

    private static byte[] address(String s) {
        byte[] b = IpAddresses.parse(s);
        if (b == null) {
            throw xml("Cannot parse address '" + s + "'");
        }
        return b;
    }

    /** virSocketAddrGetRange's checks of a range against its network. */
    private static void range(byte[] start, byte[] end, byte[] net, int prefix) {
        String s = IpAddresses.format(start);
        String e = IpAddresses.format(end);
        if (start.length != end.length) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK,
                    "mismatch of address family in range " + s + " - " + e);
        }
        if (net != null) {
            if (net.length != start.length) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "mismatch of address "
                        + "family in range " + s + " - " + e + " for network " + IpAddresses.format(net));
            }
            if (prefix < 0) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "bad prefix " + prefix
                        + " for network " + IpAddresses.format(net) + " when checking range " + s + " - " + e);
            }
            byte[] netMasked = IpAddresses.mask(net, prefix);
            if (!Arrays.equals(IpAddresses.mask(start, prefix), netMasked)
                    || !Arrays.equals(IpAddresses.mask(end, prefix), netMasked)) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "range " + s + " - " + e
                        + " is not entirely within network " + IpAddresses.format(net) + "/" + prefix);
            }
        }
        if (IpAddresses.value(start).compareTo(IpAddresses.value(end)) > 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "range " + s + " - " + e
                    + " is reversed ");
        }
        if (start.length == 16 && IpAddresses.value(end).subtract(IpAddresses.value(start))
                .compareTo(BigInteger.valueOf(0xFFFFFFFFL)) > 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "range " + s + " - " + e
                    + " too large");
        }
    }

    private static void routes(NetworkDef def) {
        for (NetworkDef.Route r : def.routes) {
            route(def.name, r);
        }
        for (NetworkDef.Route r : def.routes) {
            byte[] gw = IpAddresses.parse(r.gateway);
            boolean match = false;
            for (NetworkDef.Ip ip : def.ips) {
                byte[] a = IpAddresses.parse(ip.address);
                if (a.length != gw.length) {
                    continue;
                }
                int prefix = IpAddresses.prefix(a, ip.netmask == null ? null : IpAddresses.parse(ip.netmask),
                        ip.prefix == null ? 0 : Integer.parseInt(ip.prefix));
                if (prefix >= 0 && Arrays.equals(IpAddresses.mask(a, prefix), IpAddresses.mask(gw, prefix))) {
                    match = true;
                    break;
                }
            }
            if (!match) {
                throw unsupported("unreachable static route gateway '" + IpAddresses.format(gw)
                        + "' specified for network '" + def.name + "'");
            }
        }
    }

    /** virNetDevIPRouteParseXML. */
    private static void route(String n, NetworkDef.Route r) {
        if (r.address == null) {
            throw xml(n + ": Missing required address attribute in route definition");
        }
        byte[] a = IpAddresses.parse(r.address);
        if (a == null) {
            throw xml(n + ": Bad network address '" + r.address + "' in route definition");
        }
        if (r.gateway == null) {
            throw xml(n + ": Missing required gateway attribute in route definition");
        }
        byte[] gw = IpAddresses.parse(r.gateway);
        if (gw == null) {
            throw xml(n + ": Bad gateway address '" + r.gateway + "' in route definition");
        }
        byte[] mask = null;
        if (r.netmask != null) {
            mask = IpAddresses.parse(r.netmask);
            if (mask == null) {
                throw xml(n + ": Bad netmask address '" + r.netmask + "' in route definition");
            }
        }
        Long prefix = XmlValues.propUInt(r.prefix, "prefix", "route");
        Long metric = XmlValues.propUInt(r.metric, "metric", "route");
        String family = r.family;
        if (family == null || family.equals("ipv4")) {
            if (a.length != 4 || gw.length != 4) {
                throw xml(n + ": " + (family == null ? "No family specified for non-IPv4 address '"
                        : "ipv4 family specified for non-IPv4 address '") + r.address + "' in route definition");
            }
            if (mask != null && prefix != null) {
                throw xml(n + ": route definition cannot have both a prefix and a netmask");
            }
            if (prefix != null && prefix > 32) {
                throw xml(n + ": Invalid IPv4 prefix '" + prefix + "' in route definition");
            }
        } else if (family.equals("ipv6")) {
            if (a.length != 16 || gw.length != 16) {
                throw xml(n + ": ipv6 family specified for non-IPv6 address '" + r.address + "' in route definition");
            }
            if (mask != null) {
                throw xml(n + ": netmask not allowed for IPv6 address '" + r.address + "' in route definition");
            }
            if (prefix != null && prefix > 128) {
                throw xml(n + ": Invalid IPv6 prefix '" + prefix + "' in route definition");
            }
        } else {
            throw xml(n + ": Unrecognized family '" + family + "' in route definition");
        }
        r.address = IpAddresses.format(a);
        r.gateway = IpAddresses.format(gw);
        r.netmask = mask == null ? null : IpAddresses.format(mask);
        r.prefix = prefix == null ? null : prefix.toString();
        r.metric = metric == null || metric == 0 ? null : metric.toString();
    }

    private static void forward(String n, NetworkDef.Forward f) {
        if (f.mode == null) {
            f.mode = "nat";
        } else if (!FORWARD_MODES.contains(f.mode)) {
            throw unsupported("unknown forwarding type '" + f.mode + "'");
        }
        f.managed = f.managed != null && f.managed.equalsIgnoreCase("yes") ? "yes" : null;
        if (f.driver != null) {
            if (f.driver.name != null && DRIVER_NAMES.indexOf(f.driver.name) <= 0) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute 'name' "
                        + "in element 'driver': '" + f.driver.name + "'.");
            }
            if (f.driver.name == null && f.driver.model == null) {
                f.driver = null;
            }
        }
        if (f.nat != null) {
            nat(n, f);
        }
        if (f.dev != null && (!f.addresses.isEmpty() || f.pf != null)) {
            throw xml("the <forward> 'dev' attribute cannot be used when <address> or <pf> sub-elements are present "
                    + "in network " + n);
        }
        if (!f.interfaces.isEmpty() || f.dev != null) {
            List<NetworkDef.Forward.Interface> ifs = new ArrayList<>();
            if (f.dev != null) {
                NetworkDef.Forward.Interface first = new NetworkDef.Forward.Interface();
                first.dev = f.dev;
                ifs.add(first);
            }
            for (int i = 0; i < f.interfaces.size(); i++) {
                NetworkDef.Forward.Interface itf = f.interfaces.get(i);
                if (itf.dev == null && DefinitionScope.whole()) {
                    throw xml("Missing required dev attribute in <forward> <interface> element of network " + n);
                }
                if (i == 0 && f.dev != null) {
                    if (!f.dev.equals(itf.dev)) {
                        throw xml("<forward dev='" + f.dev + "'> must match first <interface dev='" + itf.dev
                                + "'/> in network " + n);
                    }
                    ifs.get(0).connections = itf.connections;
                    continue;
                }
                for (NetworkDef.Forward.Interface other : ifs) {
                    if (itf.dev != null && itf.dev.equals(other.dev)) {
                        throw xml("interface '" + itf.dev + "' can only be listed once in network " + n);
                    }
                }
                ifs.add(itf);
            }
            f.interfaces = ifs;
            f.addresses.clear();
            f.pf = null;
        } else if (!f.addresses.isEmpty()) {
            List<String> seen = new ArrayList<>();
            for (NetworkDef.Forward.Address a : f.addresses) {
                if (a.type == null) {
                    throw xml("missing address type in network " + n);
                }
                if (!a.type.equals("pci") && !a.type.equals("netdev")) {
                    if (!a.type.equals("none")) {
                        throw unsupported("unknown address type '" + a.type + "' in network " + n);
                    }
                }
                if (!a.type.equals("pci")) {
                    throw xml("unsupported address type '" + a.type + "' in network " + n);
                }
                pciAddress(a);
                String key = a.domain + a.bus + a.slot + a.function;
                if (seen.contains(key)) {
                    throw xml(String.format(Locale.ROOT, "PCI device '%04x:%02x:%02x.%x' can only be listed once in "
                            + "network %s", Long.decode(a.domain), Long.decode(a.bus), Long.decode(a.slot),
                            Long.decode(a.function), n));
                }
                seen.add(key);
            }
            f.pf = null;
        } else if (f.pf != null && f.pf.dev == null) {
            throw xml("Missing required dev attribute in <pf> element of network '" + n + "'");
        }
        f.dev = null;
    }

    /** virPCIDeviceAddressParseXML and the form virPCIDeviceAddressFormat writes. */
    private static void pciAddress(NetworkDef.Forward.Address a) {
        long[] v = new long[4];
        String[] s = {a.domain, a.bus, a.slot, a.function};
        String[] names = {"domain", "bus", "slot", "function"};
        long[] max = {0xFFFF, 0xFF, 0x1F, 7};
        for (int i = 0; i < 4; i++) {
            if (s[i] == null) {
                v[i] = 0;
                continue;
            }
            Long x = XmlValues.parseUInt(s[i], 0);
            if (x == null) {
                throw xml("Cannot parse <address> '" + names[i] + "' attribute");
            }
            if (x > max[i]) {
                throw xml("Invalid PCI address " + names[i] + "='" + s[i] + "'");
            }
            v[i] = x;
        }
        a.domain = String.format(Locale.ROOT, "0x%04x", v[0]);
        a.bus = String.format(Locale.ROOT, "0x%02x", v[1]);
        a.slot = String.format(Locale.ROOT, "0x%02x", v[2]);
        a.function = "0x" + v[3];
    }

    private static void nat(String n, NetworkDef.Forward f) {
        NetworkDef.Forward.Nat nat = f.nat;
        if (!f.mode.equals("nat")) {
            throw xml("The <nat> element can only be used when <forward> 'mode' is 'nat' in network " + n);
        }
        XmlValues.propYesNo(nat.ipv6, "ipv6", "nat");
        if (nat.address != null) {
            if (nat.address.start == null) {
                throw xml("missing 'start' attribute in <address> element in <nat> in <forward> in network " + n);
            }
            if (nat.address.end == null) {
                throw xml("missing 'end' attribute in <address> element in <nat> in <forward> in network " + n);
            }
            byte[] s = IpAddresses.parse(nat.address.start);
            if (s == null || s.length != 4) {
                throw xml("Bad ipv4 start address '" + nat.address.start + "' in <nat> in <forward> in network '"
                        + n + "'");
            }
            byte[] e = IpAddresses.parse(nat.address.end);
            if (e == null || e.length != 4) {
                throw xml("Bad ipv4 end address '" + nat.address.end + "' in <nat> in <forward> in network '" + n
                        + "'");
            }
            range(s, e, null, 0);
            nat.address.start = IpAddresses.format(s);
            nat.address.end = IpAddresses.format(e);
        }
        if (nat.port != null) {
            Long start = nat.port.start == null ? null : XmlValues.parseUInt(nat.port.start, 10);
            if (start == null || start > 65535) {
                throw detail("Missing or invalid 'start' attribute in <port> in <nat> in <forward> in network " + n);
            }
            Long end = nat.port.end == null ? null : XmlValues.parseUInt(nat.port.end, 10);
            if (end == null || end > 65535 || end < start) {
                throw detail("Missing or invalid 'end' attribute in <port> in <nat> in <forward> in network " + n);
            }
            nat.port.start = start.toString();
            nat.port.end = end == 0 ? null : end.toString();
            if (start == 0 && end == 0) {
                nat.port = null;
            }
        }
        if (nat.ipv6 == null && nat.address == null && nat.port == null) {
            f.nat = null;
        }
    }

    /** The rules that tie the network's settings to its forward mode. */
    private static void modeRules(NetworkDef def, boolean stpGiven) {
        String mode = def.forward == null ? "none" : def.forward.mode;
        NetworkDef.Forward f = def.forward;
        int nifs = f == null ? 0 : f.interfaces.size() + f.addresses.size();
        int npfs = f == null || f.pf == null ? 0 : 1;
        String bridgeName = def.bridge == null ? null : def.bridge.name;
        String zone = def.bridge == null ? null : def.bridge.zone;
        String macTable = def.bridge == null ? null : def.bridge.macTableManager;
        long delay = def.bridge == null || def.bridge.delay == null ? 0 : Long.parseLong(def.bridge.delay);
        switch (mode) {
            case "route", "nat" -> {
                if (def.ips.isEmpty() && DefinitionScope.whole()) {
                    throw xml(mode + " forwarding requested, but no IP address provided for network '" + def.name
                            + "'");
                }
                if (nifs > 1) {
                    throw xml("multiple forwarding interfaces specified for network '" + def.name
                            + "', only one is supported");
                }
            }
            case "open" -> {
                if (nifs > 0) {
                    throw xml("forward dev not allowed for network '" + def.name + "' with forward mode='open'");
                }
            }
            case "private", "vepa", "passthrough", "hostdev", "bridge" -> {
                if (!mode.equals("bridge")) {
                    if (bridgeName != null) {
                        throw xml("bridge name not allowed in " + mode + " mode (network '" + def.name + "')");
                    }
                    if (zone != null) {
                        throw xml("bridge zone not allowed in " + mode + " mode (network '" + def.name + "')");
                    }
                    if (macTable != null) {
                        throw xml("bridge macTableManager setting not allowed in " + mode + " mode (network '"
                                + def.name + "')");
                    }
                }
                if (delay != 0 || stpGiven || zone != null) {
                    throw xml("bridge delay/stp/zone options only allowed in open, route, nat, and isolated mode, "
                            + "not in " + mode + " (network '" + def.name + "')");
                }
                if (bridgeName != null && (nifs > 0 || npfs > 0)) {
                    throw xml("A network with forward mode='" + mode + "' can specify a bridge name or a forward dev, "
                            + "but not both (network '" + def.name + "')");
                }
                if (def.mtu != null) {
                    throw xml("mtu size only allowed in open, route, nat, and isolated mode, not in " + mode
                            + " (network '" + def.name + "')");
                }
            }
            default -> {
                // an isolated network allows everything
            }
        }
    }

    /** libvirt's network driver reads {@code dnsmasq:options}; other namespaces are not kept. */
    private static void dnsmasq(NetworkDef def) {
        def.dnsmasqOptions.clear();
        for (Iterator<Element> i = def.namespaced.iterator(); i.hasNext();) {
            Element e = i.next();
            if (!DNSMASQ_NS.equals(e.getNamespaceURI()) || !"options".equals(e.getLocalName())) {
                i.remove();
                continue;
            }
            for (Node k = e.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k instanceof Element o && DNSMASQ_NS.equals(o.getNamespaceURI())
                        && "option".equals(o.getLocalName())) {
                    if (!o.hasAttribute("value")) {
                        throw xml("Invalid dnsmasq options value");
                    }
                    def.dnsmasqOptions.add(o.getAttribute("value"));
                }
            }
        }
    }

    // ---- parts shared with ports and domains

    /** virNetDevBandwidthParse: the rates, with libvirt's limits; null when neither direction is given. */
    static Bandwidth bandwidth(Bandwidth b, boolean allowFloor) {
        if (b == null) {
            return null;
        }
        if (b.inbound != null) {
            Bandwidth.Inbound in = b.inbound;
            String[] v = rate(in.average, in.peak, in.burst, in.floor, "inbound", allowFloor);
            in.average = v[0];
            in.peak = v[1];
            in.burst = v[2];
            in.floor = v[3];
        }
        if (b.outbound != null) {
            Bandwidth.Outbound out = b.outbound;
            String[] v = rate(out.average, out.peak, out.burst, null, "outbound", false);
            out.average = v[0];
            out.peak = v[1];
            out.burst = v[2];
        }
        return b.inbound == null && b.outbound == null ? null : b;
    }

    private static String[] rate(String average, String peak, String burst, String floor, String element,
            boolean allowFloor) {
        Long a = ulonglong(average, "average", element);
        Long p = ulonglong(peak, "peak", element);
        Long bu = ulonglong(burst, "burst", element);
        Long fl = ulonglong(floor, "floor", element);
        limit(a, 1L << 54, "average");
        limit(p, 1L << 54, "peak");
        limit(bu, 0xFFFFFFFFL >> 10, "burst");
        limit(fl, 1L << 54, "floor");
        if (a == null && fl == null) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.NONE,
                    "Missing mandatory average or floor attributes");
        }
        if ((p != null || bu != null) && a == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NONE,
                    "'peak' and 'burst' require 'average' attribute");
        }
        if (fl != null && !allowFloor) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NONE,
                    "floor attribute is not supported for this config");
        }
        return new String[] {nonZero(a), nonZero(p), nonZero(bu), nonZero(fl)};
    }

    /** A bandwidth rate, as libvirt 9.0's virNetDevBandwidthParseRate reads it. */
    private static Long ulonglong(String v, String attr, String element) {
        if (v == null) {
            return null;
        }
        Long x = XmlValues.parseLong(v, 10);
        if (x == null || x < 0 || v.strip().startsWith("-")) {
            throw unsupported("could not convert bandwidth " + attr + " value '" + v + "'");
        }
        return x;
    }

    private static void limit(Long v, long limit, String name) {
        if (v != null && v > limit) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.NONE, "value '" + v + "' is too big for '"
                    + name + "' parameter, maximum is '" + limit + "'");
        }
    }

    private static String nonZero(Long v) {
        return v == null || v == 0 ? null : v.toString();
    }

    /** virNetDevVlanParse. */
    static Vlan vlan(Vlan v) {
        if (v == null) {
            return null;
        }
        if (v.tags.isEmpty()) {
            throw xml("missing tag id - each <vlan> must have at least one <tag id='n'/> subelement");
        }
        String nativeMode = null;
        for (Vlan.Tag t : v.tags) {
            Long id = t.id == null ? null : XmlValues.parseUInt(t.id, 10);
            if (id == null) {
                throw xml("missing or invalid vlan tag id attribute");
            }
            if (id > 4095) {
                throw xml("vlan tag id " + id + " too large (maximum 4095)");
            }
            t.id = id.toString();
            if (t.nativeMode != null) {
                if (nativeMode != null) {
                    throw xml("duplicate native vlan setting");
                }
                if (!t.nativeMode.equals("tagged") && !t.nativeMode.equals("untagged")) {
                    throw unsupported("Invalid \"nativeMode='" + t.nativeMode + "'\" in vlan <tag> element");
                }
                nativeMode = t.nativeMode;
            }
        }
        boolean trunk = v.tags.size() > 1;
        if (v.trunk != null) {
            trunk = v.trunk.equalsIgnoreCase("yes");
            if (!trunk) {
                if (v.tags.size() > 1) {
                    throw xml("invalid \"trunk='" + v.trunk + "'\" in <vlan> - trunk='yes' is required for more "
                            + "than one vlan tag");
                }
                if (nativeMode != null) {
                    throw xml("invalid configuration in <vlan> - \"trunk='no'\" is not allowed with a native vlan id");
                }
                if (!v.trunk.equalsIgnoreCase("no")) {
                    throw xml("invalid \"trunk='" + v.trunk + "'\" in <vlan> - must be yes or no");
                }
            }
        }
        v.trunk = trunk ? "yes" : null;
        return v;
    }

    /** virNetDevVPortProfileParse, keeping only the parameters the type takes. */
    static NetworkDef.Virtualport virtualport(NetworkDef.Virtualport vp, boolean requireType) {
        String type = vp.type == null ? "none" : vp.type;
        List<String> types = List.of("none", "802.1Qbg", "802.1Qbh", "openvswitch", "midonet");
        if (types.indexOf(type) <= 0 && vp.type != null) {
            throw unsupported("unknown virtualport type " + vp.type);
        }
        if (vp.type == null && requireType) {
            throw xml("missing required virtualport type");
        }
        NetworkDef.Virtualport.Parameters p = vp.parameters;
        if (p != null) {
            p.managerid = vportNumber(p.managerid, 0xff, "managerid", "value of managerid out of range");
            p.typeid = vportNumber(p.typeid, 0xffffff, "typeid", "value for typeid out of range");
            p.typeidversion = vportNumber(p.typeidversion, 0xff, "typeidversion",
                    "value of typeidversion out of range");
            p.instanceid = vportUuid(p.instanceid, "instanceid");
            p.interfaceid = vportUuid(p.interfaceid, "interfaceid");
            if (p.profileid != null && p.profileid.length() >= 40) {
                throw xml("profileid parameter too long");
            }
            vportExtras(type, p);
        }
        return vp;
    }

    private static String vportNumber(String v, long max, String what, String range) {
        if (v == null) {
            return null;
        }
        Long x = XmlValues.parseUInt(v, 0);
        if (x == null) {
            throw xml("cannot parse value of " + what + " parameter");
        }
        if (x > max) {
            throw xml(range);
        }
        return x.toString();
    }

    private static String vportUuid(String v, String what) {
        if (v == null) {
            return null;
        }
        try {
            String u = v.strip().replace("-", "");
            if (u.length() != 32) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(u.substring(0, 8) + "-" + u.substring(8, 12) + "-" + u.substring(12, 16) + "-"
                    + u.substring(16, 20) + "-" + u.substring(20)).toString();
        } catch (IllegalArgumentException e) {
            throw xml("cannot parse " + what + " parameter as a uuid");
        }
    }

    /** virNetDevVPortProfileCheckNoExtras. */
    private static void vportExtras(String type, NetworkDef.Virtualport.Parameters p) {
        String bad = switch (type) {
            case "802.1Qbg" -> p.profileid != null ? "profileid" : p.interfaceid != null ? "interfaceid" : null;
            case "802.1Qbh" -> p.managerid != null ? "managerid" : p.typeid != null ? "typeid"
                    : p.typeidversion != null ? "typeidversion" : p.instanceid != null ? "instanceid"
                    : p.interfaceid != null ? "interfaceid" : null;
            case "openvswitch" -> p.managerid != null ? "managerid" : p.typeid != null ? "typeid"
                    : p.typeidversion != null ? "typeidversion" : p.instanceid != null ? "instanceid" : null;
            case "midonet" -> p.managerid != null ? "managerid" : p.typeid != null ? "typeid"
                    : p.typeidversion != null ? "typeidversion" : p.instanceid != null ? "instanceid"
                    : p.profileid != null ? "profileid" : null;
            default -> null;
        };
        if (bad != null) {
            throw unsupported("attribute " + bad + " not supported for virtualport type " + type);
        }
    }

    private static VirtException xml(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, detail);
    }

    private static VirtException detail(String detail) {
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.NETWORK, detail);
    }

    private static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, detail);
    }

    // ---- format

    /** virNetworkDefFormatBuf; {@code inactive} leaves out the counts of an active network. */
    public static String format(NetworkDef def, boolean inactive) {
        XmlBuffer b = new XmlBuffer();
        b.open("network");
        if (!def.dnsmasqOptions.isEmpty()) {
            b.attr("xmlns:dnsmasq", DNSMASQ_NS);
        }
        if (!inactive && def.connections != null && !def.connections.equals("0")) {
            b.attr("connections", def.connections);
        }
        b.attr("ipv6", "yes".equals(def.ipv6) ? "yes" : null);
        b.attr("trustGuestRxFilters", def.trustGuestRxFilters);
        b.endOpen();
        b.textElement("name", def.name);
        b.textElement("uuid", def.uuid);
        b.textElement("title", def.title);
        b.textElement("description", def.description);
        if (def.metadata != null && !def.metadata.elements.isEmpty()) {
            b.open("metadata").endOpen();
            for (Element e : def.metadata.elements) {
                b.rawLines(MetadataWriter.write(e));
            }
            b.close("metadata");
        }
        String mode = def.forward == null ? "none" : def.forward.mode;
        if (def.forward != null) {
            forward(b, def.forward, inactive);
        }
        boolean hasBridge = List.of("none", "nat", "route", "open").contains(mode);
        NetworkDef.Bridge br = def.bridge;
        if (hasBridge || br != null && (br.name != null || br.macTableManager != null)) {
            b.open("bridge");
            if (br != null) {
                b.attr("name", br.name).attr("zone", br.zone);
            }
            if (hasBridge) {
                b.attr("stp", br == null ? "on" : br.stp).attr("delay", br == null || br.delay == null ? "0"
                        : br.delay);
            }
            if (br != null) {
                b.attr("macTableManager", br.macTableManager);
            }
            b.endEmpty();
        }
        if (def.mtu != null) {
            b.open("mtu").attr("size", def.mtu.size).endEmpty();
        }
        if (def.mac != null) {
            b.open("mac").attr("address", def.mac.address).endEmpty();
        }
        if (def.domain != null) {
            b.open("domain").attr("name", def.domain.name).attr("localOnly", def.domain.localOnly)
                    .attr("register", def.domain.register).endEmpty();
        }
        if (def.dns != null) {
            dns(b, def.dns);
        }
        vlan(b, def.vlan);
        bandwidth(b, def.bandwidth, null);
        if (def.port != null) {
            b.open("port").attr("isolated", def.port.isolated).endEmpty();
        }
        for (NetworkDef.Ip ip : def.ips) {
            ip(b, ip);
        }
        for (NetworkDef.Route r : def.routes) {
            b.open("route").attr("family", r.family).attr("address", r.address).attr("netmask", r.netmask)
                    .attr("prefix", r.prefix).attr("gateway", r.gateway).attr("metric", r.metric).endEmpty();
        }
        virtualport(b, def.virtualport);
        for (NetworkDef.Portgroup pg : def.portgroups) {
            b.open("portgroup").attr("name", pg.name).attr("default", pg.defaultAttr)
                    .attr("trustGuestRxFilters", pg.trustGuestRxFilters).endOpen();
            vlan(b, pg.vlan);
            virtualport(b, pg.virtualport);
            bandwidth(b, pg.bandwidth, null);
            b.close("portgroup");
        }
        if (!def.dnsmasqOptions.isEmpty()) {
            b.open("dnsmasq:options").endOpen();
            for (String o : def.dnsmasqOptions) {
                b.open("dnsmasq:option").attr("value", o).endEmpty();
            }
            b.close("dnsmasq:options");
        }
        b.close("network");
        return b.toString();
    }

    private static void forward(XmlBuffer b, NetworkDef.Forward f, boolean inactive) {
        String dev = f.pf == null && !f.interfaces.isEmpty() ? f.interfaces.get(0).dev : null;
        b.open("forward").attr("dev", dev).attr("mode", f.mode);
        if (f.mode.equals("hostdev")) {
            b.attr("managed", "yes".equals(f.managed) ? "yes" : "no");
        }
        boolean driver = f.driver != null && (f.driver.name != null || f.driver.model != null);
        boolean shortForward = f.interfaces.isEmpty() && f.addresses.isEmpty() && f.pf == null
                && (f.nat == null || !f.mode.equals("nat")) && !driver;
        if (shortForward) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        if (driver) {
            b.open("driver").attr("name", f.driver.name).attr("model", f.driver.model).endEmpty();
        }
        if (f.mode.equals("nat") && f.nat != null) {
            NetworkDef.Forward.Nat nat = f.nat;
            b.open("nat").attr("ipv6", nat.ipv6);
            if (nat.address == null && nat.port == null) {
                b.endEmpty();
            } else {
                b.endOpen();
                if (nat.address != null) {
                    b.open("address").attr("start", nat.address.start).attr("end", nat.address.end).endEmpty();
                }
                if (nat.port != null) {
                    b.open("port").attr("start", nat.port.start).attr("end", nat.port.end).endEmpty();
                }
                b.close("nat");
            }
        }
        if (f.pf != null) {
            b.open("pf").attr("dev", f.pf.dev).endEmpty();
        }
        if (f.pf == null || !inactive) {
            for (NetworkDef.Forward.Interface itf : f.interfaces) {
                b.open("interface").attr("dev", itf.dev);
                if (!inactive && itf.connections != null && !itf.connections.equals("0")) {
                    b.attr("connections", itf.connections);
                }
                b.endEmpty();
            }
            for (NetworkDef.Forward.Address a : f.addresses) {
                b.open("address").attr("type", "pci").attr("domain", a.domain).attr("bus", a.bus)
                        .attr("slot", a.slot).attr("function", a.function).endEmpty();
            }
        }
        b.close("forward");
    }

    private static void dns(XmlBuffer b, NetworkDef.Dns d) {
        boolean data = !d.forwarders.isEmpty() || !d.hosts.isEmpty() || !d.srvs.isEmpty() || !d.txts.isEmpty();
        if (d.enable == null && d.forwardPlainNames == null && !data) {
            return;
        }
        b.open("dns").attr("enable", d.enable).attr("forwardPlainNames", d.forwardPlainNames);
        if (!data) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        for (NetworkDef.Dns.Forwarder f : d.forwarders) {
            b.open("forwarder").attr("domain", f.domain).attr("addr", f.addr).endEmpty();
        }
        for (NetworkDef.Dns.Txt t : d.txts) {
            b.open("txt").attr("name", t.name).attr("value", t.value).endEmpty();
        }
        for (NetworkDef.Dns.Srv s : d.srvs) {
            b.open("srv").attr("service", s.service).attr("protocol", s.protocol).attr("domain", s.domain)
                    .attr("target", s.target).attr("port", s.port).attr("priority", s.priority)
                    .attr("weight", s.weight).endEmpty();
        }
        for (NetworkDef.Dns.Host h : d.hosts) {
            b.open("host").attr("ip", h.ip).endOpen();
            for (String name : h.hostnames) {
                b.textElement("hostname", name);
            }
            b.close("host");
        }
        b.close("dns");
    }

    private static void ip(XmlBuffer b, NetworkDef.Ip ip) {
        b.open("ip").attr("family", ip.family).attr("address", ip.address).attr("netmask", ip.netmask)
                .attr("prefix", ip.prefix).attr("localPtr", ip.localPtr).endOpen();
        if (ip.tftp != null) {
            b.open("tftp").attr("root", ip.tftp.root).endEmpty();
        }
        NetworkDef.Ip.Dhcp d = ip.dhcp;
        if (d != null && (!d.ranges.isEmpty() || !d.hosts.isEmpty())) {
            b.open("dhcp").endOpen();
            for (NetworkDef.Ip.Dhcp.Range r : d.ranges) {
                b.open("range").attr("start", r.start).attr("end", r.end);
                lease(b, r.lease, "range");
            }
            for (NetworkDef.Ip.Dhcp.Host h : d.hosts) {
                b.open("host").attr("mac", h.mac).attr("id", h.id).attr("name", h.name).attr("ip", h.ip);
                lease(b, h.lease, "host");
            }
            if (d.bootp != null) {
                b.open("bootp").attr("file", d.bootp.file).attr("server", d.bootp.server).endEmpty();
            }
            b.close("dhcp");
        }
        b.close("ip");
    }

    private static void lease(XmlBuffer b, NetworkDef.Ip.Dhcp.Lease l, String element) {
        if (l == null) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        b.open("lease").attr("expiry", l.expiry).attr("unit", "0".equals(l.expiry) ? null : l.unit).endEmpty();
        b.close(element);
    }

    /** virNetDevVlanFormat. */
    static void vlan(XmlBuffer b, Vlan v) {
        if (v == null || v.tags.isEmpty()) {
            return;
        }
        b.open("vlan").attr("trunk", v.trunk).endOpen();
        for (Vlan.Tag t : v.tags) {
            b.open("tag").attr("id", t.id).attr("nativeMode", t.nativeMode).endEmpty();
        }
        b.close("vlan");
    }

    /** virNetDevBandwidthFormat. */
    static void bandwidth(XmlBuffer b, Bandwidth bw, String classId) {
        if (bw == null) {
            return;
        }
        b.open("bandwidth").attr("classID", classId).endOpen();
        if (bw.inbound != null && (bw.inbound.average != null || bw.inbound.floor != null)) {
            b.open("inbound").attr("average", bw.inbound.average).attr("peak", bw.inbound.peak)
                    .attr("floor", bw.inbound.floor).attr("burst", bw.inbound.burst).endEmpty();
        }
        if (bw.outbound != null && bw.outbound.average != null) {
            b.open("outbound").attr("average", bw.outbound.average).attr("peak", bw.outbound.peak)
                    .attr("burst", bw.outbound.burst).endEmpty();
        }
        b.close("bandwidth");
    }

    /** virNetDevVPortProfileFormat. */
    static void virtualport(XmlBuffer b, NetworkDef.Virtualport vp) {
        if (vp == null) {
            return;
        }
        NetworkDef.Virtualport.Parameters p = vp.parameters;
        boolean none = p == null || p.managerid == null && p.typeid == null && p.typeidversion == null
                && p.instanceid == null && (p.profileid == null || p.profileid.isEmpty()) && p.interfaceid == null;
        String type = vp.type == null ? "none" : vp.type;
        if (type.equals("none")) {
            if (none) {
                return;
            }
            b.open("virtualport").endOpen();
        } else if (none) {
            b.open("virtualport").attr("type", type).endEmpty();
            return;
        } else {
            b.open("virtualport").attr("type", type).endOpen();
        }
        boolean qbg = type.equals("802.1Qbg") || type.equals("none");
        b.open("parameters");
        if (qbg) {
            b.attr("managerid", p.managerid).attr("typeid", p.typeid).attr("typeidversion", p.typeidversion)
                    .attr("instanceid", p.instanceid);
        }
        if (List.of("midonet", "openvswitch", "none").contains(type)) {
            b.attr("interfaceid", p.interfaceid);
        }
        if (List.of("openvswitch", "802.1Qbh", "none").contains(type) && p.profileid != null
                && !p.profileid.isEmpty()) {
            b.attr("profileid", p.profileid);
        }
        b.endEmpty();
        b.close("virtualport");
    }
}
