package org.jvirt.driver.test;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.VirtException;
import org.jvirt.conf.network.NetworkDef;

/** The DNS host, TXT and SRV sections of libvirt 9.0's network update: records are added or deleted. */
final class DnsUpdate {
    private static final String SERVICE_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*";
    private static final String PROTOCOL_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+/";
    /** DNS_RECORD_LENGTH_SRV: the longest service name dnsmasq takes. */
    private static final int SRV_LENGTH = 512 - 30;

    private DnsUpdate() {
    }

    static void host(NetworkDef def, NetworkUpdateCommand command, String root, String xml) {
        if (command == NetworkUpdateCommand.MODIFY) {
            throw NetworkUpdate.unsupported("DNS HOST records cannot be modified, only added or deleted");
        }
        NetworkUpdate.checkElement(def, root, "host");
        boolean add = NetworkUpdate.isAdd(command);
        NetworkDef.Dns.Host host = NetworkUpdate.wrap("<dns>" + xml + "</dns>").dns.hosts.get(0);
        byte[] ip = parseHost(def.name, host, !add);
        NetworkDef.Dns dns = dns(def);
        int found = 0;
        int foundIdx = -1;
        for (int i = 0; i < dns.hosts.size(); i++) {
            NetworkDef.Dns.Host h = dns.hosts.get(i);
            boolean match = ip != null && IpAddresses.equal(ip, IpAddresses.parse(h.ip));
            if (command == NetworkUpdateCommand.DELETE && !match) {
                for (String n : host.hostnames) {
                    match |= h.hostnames.contains(n);
                }
            }
            if (match) {
                found++;
                foundIdx = i;
            }
        }
        if (add) {
            if (found > 0) {
                throw NetworkUpdate.invalid("there is already at least one DNS HOST record with a matching field in "
                        + "network " + def.name);
            }
            dns.hosts.add(command == NetworkUpdateCommand.ADD_FIRST ? 0 : dns.hosts.size(), host);
        } else if (command == NetworkUpdateCommand.DELETE) {
            if (found == 0) {
                throw NetworkUpdate.invalid("couldn't locate a matching DNS HOST record in network " + def.name);
            }
            if (found > 1) {
                throw NetworkUpdate.invalid("multiple matching DNS HOST records were found in network " + def.name);
            }
            dns.hosts.remove(foundIdx);
        } else {
            throw NetworkUpdate.unknownCommand(command);
        }
    }

    static void txt(NetworkDef def, NetworkUpdateCommand command, String root, String xml) {
        if (command == NetworkUpdateCommand.MODIFY) {
            throw NetworkUpdate.unsupported("DNS TXT records cannot be modified, only added or deleted");
        }
        NetworkUpdate.checkElement(def, root, "txt");
        boolean add = NetworkUpdate.isAdd(command);
        NetworkDef.Dns.Txt txt = NetworkUpdate.wrap("<dns>" + xml + "</dns>").dns.txt;
        if (txt.name == null) {
            throw NetworkUpdate.xmlDetail("missing required name attribute in DNS TXT record of network " + def.name);
        }
        if (txt.name.indexOf(' ') >= 0 || txt.name.indexOf(',') >= 0) {
            throw NetworkUpdate.xmlDetail("prohibited character in DNS TXT record name '" + txt.name + "' of network "
                    + def.name);
        }
        if (txt.value == null && add) {
            throw NetworkUpdate.xmlDetail("missing required value attribute in DNS TXT record named '" + txt.name
                    + "' of network " + def.name);
        }
        NetworkDef.Dns dns = dns(def);
        boolean found = dns.txt != null && txt.name.equals(dns.txt.name);
        if (add) {
            if (found) {
                throw NetworkUpdate.invalid("there is already a DNS TXT record with name '" + txt.name
                        + "' in network " + def.name);
            }
            if (dns.txt != null) {
                // conf's network model holds one TXT record: refuse rather than lose one
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK,
                        "jvirt keeps one DNS TXT record per network; delete the one of network '" + def.name
                                + "' first");
            }
            dns.txt = txt;
        } else if (command == NetworkUpdateCommand.DELETE) {
            if (!found) {
                throw NetworkUpdate.invalid("couldn't locate a matching DNS TXT record in network " + def.name);
            }
            dns.txt = null;
        } else {
            throw NetworkUpdate.unknownCommand(command);
        }
    }

    static void srv(NetworkDef def, NetworkUpdateCommand command, String root, String xml) {
        if (command == NetworkUpdateCommand.MODIFY) {
            throw NetworkUpdate.unsupported("DNS SRV records cannot be modified, only added or deleted");
        }
        NetworkUpdate.checkElement(def, root, "srv");
        boolean add = NetworkUpdate.isAdd(command);
        NetworkDef.Dns.Srv srv = NetworkUpdate.wrap("<dns>" + xml + "</dns>").dns.srvs.get(0);
        parseSrv(def.name, srv, !add);
        NetworkDef.Dns dns = dns(def);
        int found = 0;
        int foundIdx = -1;
        for (int i = 0; i < dns.srvs.size(); i++) {
            NetworkDef.Dns.Srv s = dns.srvs.get(i);
            if ((srv.domain == null || srv.domain.equals(s.domain))
                    && (srv.service == null || srv.service.equals(s.service))
                    && (srv.protocol == null || srv.protocol.equals(s.protocol))
                    && (srv.target == null || srv.target.equals(s.target))) {
                found++;
                foundIdx = i;
            }
        }
        if (add) {
            if (found > 0) {
                throw NetworkUpdate.invalid("there is already at least one DNS SRV record matching all specified "
                        + "fields in network " + def.name);
            }
            dns.srvs.add(command == NetworkUpdateCommand.ADD_FIRST ? 0 : dns.srvs.size(), srv);
        } else if (command == NetworkUpdateCommand.DELETE) {
            if (found == 0) {
                throw NetworkUpdate.invalid("couldn't locate a matching DNS SRV record in network " + def.name);
            }
            if (found > 1) {
                throw NetworkUpdate.invalid("multiple DNS SRV records matching all specified fields were found in "
                        + "network " + def.name);
            }
            dns.srvs.remove(foundIdx);
        } else {
            throw NetworkUpdate.unknownCommand(command);
        }
    }

    /** virNetworkDNSHostDefParseXML; the host's address, or null when a partial record gives none. */
    private static byte[] parseHost(String network, NetworkDef.Dns.Host host, boolean partial) {
        List<String> names = host.hostnames;
        if (!names.isEmpty()) {
            for (String n : names) {
                if (n == null || n.isEmpty()) {
                    throw NetworkUpdate.xmlDetail("Missing hostname in network '" + network + "' DNS HOST record");
                }
            }
        } else if (!partial) {
            throw NetworkUpdate.xmlDetail("Missing hostname in network '" + network + "' DNS HOST record");
        }
        if (host.ip != null) {
            byte[] ip = IpAddresses.parse(host.ip);
            if (ip == null) {
                throw NetworkUpdate.xmlDetail("Invalid IP address in network '" + network + "' DNS HOST record");
            }
            return ip;
        }
        if (!partial) {
            throw NetworkUpdate.xmlDetail("Missing IP address in network '" + network + "' DNS HOST record");
        }
        if (names.isEmpty()) {
            throw NetworkUpdate.xmlDetail("Missing ip and hostname in network '" + network + "' DNS HOST record");
        }
        return null;
    }

    /** virNetworkDNSSrvDefParseXML. */
    private static void parseSrv(String network, NetworkDef.Dns.Srv srv, boolean partial) {
        if (srv.service == null && !partial) {
            throw NetworkUpdate.xmlDetail("missing required service attribute in DNS SRV record of network '"
                    + network + "'");
        }
        if (srv.service != null) {
            if (srv.service.length() > SRV_LENGTH) {
                throw NetworkUpdate.xmlDetail("service attribute '" + srv.service + "' in network '" + network
                        + "' is too long, limit is " + SRV_LENGTH + " bytes");
            }
            if (!only(srv.service, SERVICE_CHARS)) {
                throw NetworkUpdate.xmlDetail("invalid character in service attribute '" + srv.service
                        + "' in DNS SRV record of network '" + network + "'");
            }
        }
        if (srv.protocol == null && !partial) {
            throw NetworkUpdate.xmlDetail("missing required protocol attribute in DNS SRV record '" + srv.service
                    + "' of network '" + network + "'");
        }
        if (srv.protocol != null && !only(srv.protocol, PROTOCOL_CHARS)) {
            throw NetworkUpdate.xmlDetail("invalid character in protocol attribute '" + srv.protocol
                    + "' in DNS SRV record of network '" + network + "'");
        }
        number(srv.port, srv, network, "port", 1, 65535, "invalid DNS SRV port attribute");
        number(srv.priority, srv, network, "priority", 0, 65535, "Invalid DNS SRV priority attribute");
        number(srv.weight, srv, network, "weight", 0, 65535, "Invalid DNS SRV weight attribute");
    }

    private static void number(String value, NetworkDef.Dns.Srv srv, String network, String what, long min,
            long max, String invalid) {
        if (value == null) {
            return;
        }
        Long v;
        try {
            v = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            v = null;
        }
        if (v != null && srv.target == null) {
            throw NetworkUpdate.xmlDetail("DNS SRV " + what + " attribute not permitted without target for service '"
                    + srv.service + "' in network '" + network + "'");
        }
        if (v == null || v < min || v > max) {
            throw NetworkUpdate.xmlDetail(invalid + " for service '" + srv.service + "' in network '" + network
                    + "'");
        }
    }

    private static boolean only(String s, String allowed) {
        for (char c : s.toCharArray()) {
            if (allowed.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static NetworkDef.Dns dns(NetworkDef def) {
        if (def.dns == null) {
            def.dns = new NetworkDef.Dns();
        }
        return def.dns;
    }
}
