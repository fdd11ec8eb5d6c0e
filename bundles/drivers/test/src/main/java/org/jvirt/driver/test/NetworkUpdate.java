package org.jvirt.driver.test;

import java.util.List;
import java.util.Objects;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.conf.network.NetworkDef;

/**
 * virNetworkObjUpdate and the section updates of libvirt 9.0's network_conf.c: DHCP hosts and ranges, forward
 * interfaces, port groups and DNS records can be added, deleted and (some) modified; the other sections cannot be
 * changed. Each change is made on a copy, checked, and only then put in place.
 */
final class NetworkUpdate {
    private NetworkUpdate() {
    }

    static void apply(NetworkObj o, NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex,
            String xml, boolean live, boolean config) {
        if (!o.active && live) {
            throw invalid("network is not running");
        }
        if (config && !o.persistent) {
            throw invalid("cannot change persistent config of a transient network");
        }
        NetworkDef liveDef = null;
        NetworkDef configDef = null;
        if (live) {
            liveDef = ObjectXml.copy(o.def);
            section(liveDef, command, section, parentIndex, xml);
            TestNetworks.check(ObjectXml.copy(liveDef));
        }
        if (config) {
            configDef = ObjectXml.copy(o.persistentDef());
            section(configDef, command, section, parentIndex, xml);
            TestNetworks.check(ObjectXml.copy(configDef));
        }
        if (configDef != null) {
            // virNetworkObjReplacePersistentDef
            if (o.active) {
                o.newDef = configDef;
            } else {
                o.def = configDef;
            }
        }
        if (liveDef != null) {
            o.def = liveDef;
        }
    }

    private static void section(NetworkDef def, NetworkUpdateCommand command, NetworkUpdateSection section,
            int parentIndex, String xml) {
        String root = XmlSchemas.rootOf(xml, "network_update_xml");
        if (section == null) {
            throw unsupported("can't update unrecognized section of network");
        }
        switch (section) {
            case BRIDGE -> throw noSupport(def, "bridge");
            case DOMAIN -> throw noSupport(def, "domain");
            case IP -> throw noSupport(def, "ip");
            case FORWARD -> throw noSupport(def, "forward");
            case FORWARD_PF -> throw noSupport(def, "forward pf");
            case IP_DHCP_HOST -> DhcpUpdate.host(def, command, parentIndex, root, xml);
            case IP_DHCP_RANGE -> DhcpUpdate.range(def, command, parentIndex, root, xml);
            case FORWARD_INTERFACE -> forwardInterface(def, command, root, xml);
            case PORTGROUP -> portgroup(def, command, root, xml);
            case DNS_HOST -> DnsUpdate.host(def, command, root, xml);
            case DNS_TXT -> DnsUpdate.txt(def, command, root, xml);
            case DNS_SRV -> DnsUpdate.srv(def, command, root, xml);
            default -> throw unsupported("can't update unrecognized section of network");
        }
        prune(def);
    }

    private static void forwardInterface(NetworkDef def, NetworkUpdateCommand command, String root, String xml) {
        checkElement(def, root, "interface");
        if (command == NetworkUpdateCommand.MODIFY) {
            throw unsupported("forward interface entries cannot be modified, only added or deleted");
        }
        NetworkDef.Forward parsed = wrap("<forward>" + xml + "</forward>").forward;
        String dev = parsed == null || parsed.interfaces.isEmpty() ? null : parsed.interfaces.get(0).dev;
        if (dev == null) {
            throw xmlError("missing dev attribute in <interface> element");
        }
        if (def.forward == null) {
            def.forward = new NetworkDef.Forward();
        }
        List<NetworkDef.Forward.Interface> ifs = def.forward.interfaces;
        int found = -1;
        for (int i = 0; i < ifs.size(); i++) {
            if (dev.equals(ifs.get(i).dev)) {
                found = i;
            }
        }
        if (isAdd(command)) {
            if (found >= 0) {
                throw invalid("there is an existing interface entry in network '" + def.name
                        + "' that matches \"<interface dev='" + dev + "'>\"");
            }
            NetworkDef.Forward.Interface iface = new NetworkDef.Forward.Interface();
            iface.dev = dev;
            ifs.add(command == NetworkUpdateCommand.ADD_FIRST ? 0 : ifs.size(), iface);
        } else if (command == NetworkUpdateCommand.DELETE) {
            if (found < 0) {
                throw invalid("couldn't find an interface entry in network '" + def.name
                        + "' matching <interface dev='" + dev + "'>");
            }
            ifs.remove(found);
        } else {
            throw unknownCommand(command);
        }
        // libvirt writes the first forward interface as the forward element's dev
        def.forward.dev = ifs.isEmpty() ? null : ifs.get(0).dev;
    }

    private static void portgroup(NetworkDef def, NetworkUpdateCommand command, String root, String xml) {
        checkElement(def, root, "portgroup");
        List<NetworkDef.Portgroup> parsed = wrap(xml).portgroups;
        NetworkDef.Portgroup pg = parsed.isEmpty() ? null : parsed.get(0);
        if (pg == null || pg.name == null) {
            throw xmlError("missing name attribute in portgroup");
        }
        int foundName = -1;
        int foundDefault = -1;
        for (int i = 0; i < def.portgroups.size(); i++) {
            NetworkDef.Portgroup p = def.portgroups.get(i);
            if (pg.name.equals(p.name)) {
                foundName = i;
            }
            if ("yes".equals(p.defaultAttr)) {
                foundDefault = i;
            }
        }
        if (foundName < 0 && (command == NetworkUpdateCommand.MODIFY || command == NetworkUpdateCommand.DELETE)) {
            throw invalid("couldn't find a portgroup entry in network '" + def.name
                    + "' matching <portgroup name='" + pg.name + "'>");
        }
        if (foundName >= 0 && isAdd(command)) {
            throw invalid("there is an existing portgroup entry in network '" + def.name
                    + "' that matches \"<portgroup name='" + pg.name + "'>\"");
        }
        if (command != NetworkUpdateCommand.DELETE && "yes".equals(pg.defaultAttr) && foundDefault >= 0
                && foundDefault != foundName) {
            throw invalid("a different portgroup entry in network '" + def.name
                    + "' is already set as the default. Only one default is allowed.");
        }
        if (command == NetworkUpdateCommand.MODIFY) {
            def.portgroups.set(foundName, pg);
        } else if (isAdd(command)) {
            def.portgroups.add(command == NetworkUpdateCommand.ADD_FIRST ? 0 : def.portgroups.size(), pg);
        } else if (command == NetworkUpdateCommand.DELETE) {
            def.portgroups.remove(foundName);
        } else {
            throw unknownCommand(command);
        }
    }

    /** libvirt writes no empty {@code <dhcp>} or {@code <dns>}. */
    private static void prune(NetworkDef def) {
        for (NetworkDef.Ip ip : def.ips) {
            NetworkDef.Ip.Dhcp d = ip.dhcp;
            if (d != null && d.range == null && d.hosts.isEmpty() && d.bootp == null) {
                ip.dhcp = null;
            }
        }
        NetworkDef.Dns dns = def.dns;
        if (dns != null && dns.enable == null && dns.forwardPlainNames == null && dns.forwarders.isEmpty()
                && dns.hosts.isEmpty() && dns.srvs.isEmpty() && dns.txt == null) {
            def.dns = null;
        }
    }

    /** A snippet of a network document, read by conf inside a network of its own. */
    static NetworkDef wrap(String inner) {
        return ObjectXml.parse("<network><name>update</name>" + inner + "</network>", NetworkDef.class);
    }

    static boolean isAdd(NetworkUpdateCommand c) {
        return c == NetworkUpdateCommand.ADD_FIRST || c == NetworkUpdateCommand.ADD_LAST;
    }

    /** virNetworkDefUpdateCheckElementName. */
    static void checkElement(NetworkDef def, String root, String expected) {
        if (!Objects.equals(root, expected)) {
            throw xmlError("unexpected element <" + root + ">, expecting <" + expected + ">, while updating network '"
                    + def.name + "'");
        }
    }

    private static VirtException noSupport(NetworkDef def, String section) {
        return unsupported("can't update '" + section + "' section of network '" + def.name + "'");
    }

    static VirtException unknownCommand(NetworkUpdateCommand command) {
        return unsupported("unrecognized network update command code " + (command == null ? -1 : command.value()));
    }

    static VirtException unsupported(String text) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.NETWORK, text);
    }

    static VirtException invalid(String text) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, text);
    }

    static VirtException xmlError(String text) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, text);
    }

    static VirtException xmlDetail(String text) {
        // the record parsers report the sentence alone under VIR_ERR_XML_DETAIL
        return VirtException.withMessage(ErrorCode.XML_DETAIL, ErrorDomain.NETWORK, text);
    }
}
