package org.jvirt.driver.test;

import java.util.Arrays;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.VirtException;
import org.jvirt.conf.network.NetworkDef;

/** The DHCP host and range sections of libvirt 9.0's network update, with its parse checks of each record. */
final class DhcpUpdate {
    private DhcpUpdate() {
    }

    static void host(NetworkDef def, NetworkUpdateCommand command, int parentIndex, String root, String xml) {
        NetworkUpdate.checkElement(def, root, "host");
        NetworkDef.Ip ip = ipByIndex(def, parentIndex);
        boolean partial = command == NetworkUpdateCommand.DELETE;
        NetworkDef.Ip.Dhcp.Host host = parseHost(def.name, ip, xml, partial);
        byte[] hostIp = IpAddresses.parse(host.ip);
        if (!partial && IpAddresses.isV6(address(ip)) != IpAddresses.isV6(hostIp)) {
            throw NetworkUpdate.invalid("the address family of a host entry IP must match the address family of the "
                    + "dhcp element's parent");
        }
        NetworkDef.Ip.Dhcp dhcp = dhcp(ip);
        List<NetworkDef.Ip.Dhcp.Host> hosts = dhcp.hosts;
        if (command == NetworkUpdateCommand.MODIFY) {
            for (int i = 0; i < hosts.size(); i++) {
                NetworkDef.Ip.Dhcp.Host h = hosts.get(i);
                if (sameMac(host.mac, h.mac) || hostIp != null && IpAddresses.equal(hostIp, IpAddresses.parse(h.ip))
                        || host.name != null && host.name.equals(h.name)) {
                    hosts.set(i, host);
                    return;
                }
            }
            throw NetworkUpdate.invalid("couldn't locate an existing dhcp host entry with \"mac='"
                    + (host.mac == null ? "unknown" : host.mac) + "'\" \"name='" + host.name + "'\" \"ip='"
                    + (hostIp == null ? "unknown" : IpAddresses.format(hostIp)) + "'\" in network '" + def.name + "'");
        }
        if (NetworkUpdate.isAdd(command)) {
            checkMultiDhcp(def, ip);
            for (NetworkDef.Ip.Dhcp.Host h : hosts) {
                if (sameMac(host.mac, h.mac) || host.name != null && host.name.equals(h.name)
                        || hostIp != null && IpAddresses.equal(hostIp, IpAddresses.parse(h.ip))) {
                    throw NetworkUpdate.invalid("there is an existing dhcp host entry in network '" + def.name
                            + "' that matches \"<host mac='" + (host.mac == null ? "unknown" : host.mac) + "' name='"
                            + host.name + "' ip='" + (hostIp == null ? "unknown" : IpAddresses.format(hostIp))
                            + "'/>\"");
                }
            }
            hosts.add(command == NetworkUpdateCommand.ADD_FIRST ? 0 : hosts.size(), host);
        } else if (command == NetworkUpdateCommand.DELETE) {
            for (int i = 0; i < hosts.size(); i++) {
                NetworkDef.Ip.Dhcp.Host h = hosts.get(i);
                if ((host.mac == null || h.mac == null || sameMac(host.mac, h.mac))
                        && (host.name == null || host.name.equals(h.name))
                        && (hostIp == null || IpAddresses.equal(hostIp, IpAddresses.parse(h.ip)))) {
                    hosts.remove(i);
                    return;
                }
            }
            throw NetworkUpdate.invalid("couldn't locate a matching dhcp host entry in network '" + def.name + "'");
        } else {
            throw NetworkUpdate.unknownCommand(command);
        }
    }

    static void range(NetworkDef def, NetworkUpdateCommand command, int parentIndex, String root, String xml) {
        NetworkUpdate.checkElement(def, root, "range");
        NetworkDef.Ip ip = ipByIndex(def, parentIndex);
        if (command == NetworkUpdateCommand.MODIFY) {
            throw NetworkUpdate.unsupported("dhcp ranges cannot be modified, only added or deleted");
        }
        NetworkDef.Ip.Dhcp.Range range = parseRange(def.name, ip, xml);
        byte[] start = IpAddresses.parse(range.start);
        byte[] end = IpAddresses.parse(range.end);
        if (IpAddresses.isV6(address(ip)) != IpAddresses.isV6(start)) {
            throw NetworkUpdate.invalid("the address family of a dhcp range must match the address family of the "
                    + "dhcp element's parent");
        }
        NetworkDef.Ip.Dhcp dhcp = dhcp(ip);
        NetworkDef.Ip.Dhcp.Range existing = dhcp.range;
        boolean found = existing != null && IpAddresses.equal(start, IpAddresses.parse(existing.start))
                && IpAddresses.equal(end, IpAddresses.parse(existing.end));
        if (NetworkUpdate.isAdd(command)) {
            checkMultiDhcp(def, ip);
            if (found) {
                throw NetworkUpdate.invalid("there is an existing dhcp range entry in network '" + def.name
                        + "' that matches \"<range start='" + IpAddresses.format(start) + "' end='"
                        + IpAddresses.format(end) + "'/>\"");
            }
            if (existing != null) {
                // conf's network model holds one range per <dhcp>: refuse rather than lose one
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK,
                        "jvirt keeps one DHCP range per <ip> element; delete the range of network '" + def.name
                                + "' first");
            }
            dhcp.range = range;
        } else if (command == NetworkUpdateCommand.DELETE) {
            if (!found) {
                throw NetworkUpdate.invalid("couldn't locate a matching dhcp range entry in network '" + def.name
                        + "'");
            }
            dhcp.range = null;
        } else {
            throw NetworkUpdate.unknownCommand(command);
        }
    }

    /** virNetworkDHCPHostDefParseXML. */
    private static NetworkDef.Ip.Dhcp.Host parseHost(String network, NetworkDef.Ip ip, String xml, boolean partial) {
        NetworkDef.Ip.Dhcp.Host h = NetworkUpdate.wrap("<ip><dhcp>" + xml + "</dhcp></ip>").ips.get(0).dhcp.hosts
                .get(0);
        boolean v6 = IpAddresses.isV6(address(ip));
        if (h.mac != null) {
            if (v6) {
                throw NetworkUpdate.xmlError("Invalid to specify MAC address '" + h.mac + "' in network '" + network
                        + "' IPv6 static host definition");
            }
            byte[] mac = mac(h.mac);
            if (mac == null) {
                throw NetworkUpdate.xmlError("Cannot parse MAC address '" + h.mac + "' in network '" + network + "'");
            }
            if ((mac[0] & 1) == 1) {
                throw NetworkUpdate.xmlError("expected unicast mac address, found multicast '" + h.mac
                        + "' in network '" + network + "'");
            }
        }
        if (h.id != null) {
            for (char c : h.id.toCharArray()) {
                if (Character.digit(c, 16) < 0 && c != ':') {
                    throw NetworkUpdate.xmlError("Invalid character '" + c + "' in id '" + h.id + "' of network '"
                            + network + "'");
                }
            }
        }
        if (h.name != null && (h.name.isEmpty() || !isAsciiAlnum(h.name.charAt(0)))) {
            throw NetworkUpdate.xmlError("Cannot use host name '" + h.name + "' in network '" + network + "'");
        }
        if (h.ip != null && IpAddresses.parse(h.ip) == null) {
            throw NetworkUpdate.xmlError("Invalid IP address in static host definition for network '" + network
                    + "'");
        }
        if (partial) {
            if (h.mac == null && h.name == null && h.ip == null) {
                // libvirt 9.0's sentence ends with a space
                throw NetworkUpdate.xmlError("At least one of name, mac, or ip attribute must be specified for "
                        + "static host definition in network '" + network + "' ");
            }
        } else {
            if (v6) {
                if (h.id == null && h.name == null) {
                    throw NetworkUpdate.xmlError("Static host definition in IPv6 network '" + network
                            + "' must have id or name attribute");
                }
            } else if (h.mac == null && h.name == null) {
                throw NetworkUpdate.xmlError("Static host definition in IPv4 network '" + network
                        + "' must have mac or name attribute");
            }
            if (h.ip == null) {
                throw NetworkUpdate.xmlError("Missing IP address in static host definition for network '" + network
                        + "'");
            }
        }
        return h;
    }

    /** virNetworkDHCPRangeDefParseXML with virSocketAddrGetRange's checks against the network. */
    private static NetworkDef.Ip.Dhcp.Range parseRange(String network, NetworkDef.Ip ip, String xml) {
        NetworkDef.Ip.Dhcp.Range r = NetworkUpdate.wrap("<ip><dhcp>" + xml + "</dhcp></ip>").ips.get(0).dhcp.range;
        if (r.start == null) {
            throw NetworkUpdate.xmlError("Missing 'start' attribute in dhcp range for network '" + network + "'");
        }
        byte[] start = socketAddress(r.start);
        if (r.end == null) {
            throw NetworkUpdate.xmlError("Missing 'end' attribute in dhcp range for network '" + network + "'");
        }
        byte[] end = socketAddress(r.end);
        String s = IpAddresses.format(start);
        String e = IpAddresses.format(end);
        if (start.length != end.length) {
            throw rangeError("mismatch of address family in range " + s + " - " + e);
        }
        byte[] net = address(ip);
        if (net != null) {
            String n = IpAddresses.format(net);
            if (net.length != start.length) {
                throw rangeError("mismatch of address family in range " + s + " - " + e + " for network " + n);
            }
            int prefix = IpAddresses.prefix(net, ip.netmask, ip.prefix);
            if (prefix < 0) {
                throw rangeError("bad prefix " + prefix + " for network " + n + " when checking range " + s + " - " + e);
            }
            if (!IpAddresses.inNetwork(start, net, prefix) || !IpAddresses.inNetwork(end, net, prefix)) {
                throw rangeError("range " + s + " - " + e + " is not entirely within network " + n + "/" + prefix);
            }
            if (start.length == 4) {
                if (IpAddresses.equal(start, IpAddresses.hostBits(net, prefix, false))) {
                    throw rangeError("start of range " + s + " - " + e + " in network " + n + "/" + prefix
                            + " is the network address");
                }
                if (IpAddresses.equal(end, IpAddresses.hostBits(net, prefix, true))) {
                    throw rangeError("end of range " + s + " - " + e + " in network " + n + "/" + prefix
                            + " is the broadcast address");
                }
            }
        }
        if (IpAddresses.compare(start, end) > 0) {
            // libvirt 9.0's sentence ends with a space
            throw rangeError("range " + s + " - " + e + " is reversed ");
        }
        return r;
    }

    /** virSocketAddrParse of a value that must be a numeric address. */
    private static byte[] socketAddress(String text) {
        byte[] a = IpAddresses.parse(text);
        if (a == null) {
            throw VirtException.withMessage(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "Cannot parse socket address '"
                    + text + "': Name or service not known");
        }
        return a;
    }

    private static VirtException rangeError(String text) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, text);
    }

    /**
     * virNetworkIPDefByIndex: the {@code <ip>} at {@code parentIndex}, or with -1 the one that has DHCP, else the
     * first IPv4 one, else the first IPv6 one.
     */
    private static NetworkDef.Ip ipByIndex(NetworkDef def, int parentIndex) {
        if (parentIndex >= 0) {
            if (parentIndex >= def.ips.size()) {
                throw NetworkUpdate.invalid("couldn't update dhcp host entry - no <ip> element found at index "
                        + parentIndex + " in network '" + def.name + "'");
            }
            return def.ips.get(parentIndex);
        }
        for (NetworkDef.Ip ip : def.ips) {
            if (ip.dhcp != null && (ip.dhcp.range != null || !ip.dhcp.hosts.isEmpty())) {
                return ip;
            }
        }
        for (NetworkDef.Ip ip : def.ips) {
            if (!IpAddresses.isV6(address(ip))) {
                return ip;
            }
        }
        if (!def.ips.isEmpty()) {
            return def.ips.get(0);
        }
        throw NetworkUpdate.invalid("couldn't update dhcp host entry - no <ip> element found in network '"
                + def.name + "'");
    }

    /** virNetworkDefUpdateCheckMultiDHCP: one address of each family may have DHCP. */
    private static void checkMultiDhcp(NetworkDef def, NetworkDef.Ip ip) {
        boolean v6 = IpAddresses.isV6(address(ip));
        for (NetworkDef.Ip other : def.ips) {
            if (other != ip && IpAddresses.isV6(address(other)) == v6 && other.dhcp != null
                    && (other.dhcp.range != null || !other.dhcp.hosts.isEmpty())) {
                throw NetworkUpdate.invalid("dhcp is supported only for a single " + (v6 ? "IPv6" : "IPv4")
                        + " address on each network");
            }
        }
    }

    private static NetworkDef.Ip.Dhcp dhcp(NetworkDef.Ip ip) {
        if (ip.dhcp == null) {
            ip.dhcp = new NetworkDef.Ip.Dhcp();
        }
        return ip.dhcp;
    }

    static byte[] address(NetworkDef.Ip ip) {
        return IpAddresses.parse(ip.address);
    }

    /** virMacAddrCompare of two present addresses: the same six bytes. */
    private static boolean sameMac(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        byte[] x = mac(a);
        byte[] y = mac(b);
        return x != null && Arrays.equals(x, y);
    }

    /** virMacAddrParse: six hex numbers separated by colons. */
    static byte[] mac(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 6) {
            return null;
        }
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 2) {
                return null;
            }
            for (char c : parts[i].toCharArray()) {
                if (Character.digit(c, 16) < 0) {
                    return null;
                }
            }
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
