package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.List;
import org.jvirt.api.ListNetworksFlag;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkCreateFlag;
import org.jvirt.api.NetworkDHCPLease;
import org.jvirt.api.NetworkDefineFlag;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NetworkPortCreateFlag;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateFlag;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.NetworkXMLFlag;
import org.jvirt.api.TypedParameters;

/** Virtual networks and their ports. */
final class NetworkCalls {
    private NetworkCalls() {
    }

    static void register(DispatchTable t) {
        t.on(CONNECT_LIST_ALL_NETWORKS, (c, a) -> {
            List<Network> nets = c.conn().listAllNetworks(c.flags(ListNetworksFlag.class, a.flags()));
            return new ConnectListAllNetworksRet(a.needResults() != 0 ? Wire.map(nets, Wire::net) : List.of(),
                    nets.size());
        });
        t.on(CONNECT_NUM_OF_NETWORKS, (c, a) -> new ConnectNumOfNetworksRet(c.conn().numOfNetworks()));
        t.on(CONNECT_LIST_NETWORKS, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_NETWORK_LIST_MAX, "maxnames > REMOTE_NETWORK_LIST_MAX");
            return new ConnectListNetworksRet(DomainCalls.first(c.conn().listNetworks(), a.maxnames()));
        });
        t.on(CONNECT_NUM_OF_DEFINED_NETWORKS, (c, a) -> new ConnectNumOfDefinedNetworksRet(
                c.conn().numOfDefinedNetworks()));
        t.on(CONNECT_LIST_DEFINED_NETWORKS, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_NETWORK_LIST_MAX, "maxnames > REMOTE_NETWORK_LIST_MAX");
            return new ConnectListDefinedNetworksRet(DomainCalls.first(c.conn().listDefinedNetworks(),
                    a.maxnames()));
        });
        t.on(NETWORK_LOOKUP_BY_NAME, (c, a) -> new NetworkLookupByNameRet(Wire.net(c.conn()
                .networkLookupByName(a.name()))));
        t.on(NETWORK_LOOKUP_BY_UUID, (c, a) -> new NetworkLookupByUuidRet(Wire.net(c.conn()
                .networkLookupByUUID(Wire.uuid(a.uuid())))));
        t.on(NETWORK_CREATE_XML, (c, a) -> new NetworkCreateXmlRet(Wire.net(c.conn().networkCreateXML(a.xml()))));
        t.on(NETWORK_CREATE_XML_FLAGS, (c, a) -> new NetworkCreateXmlFlagsRet(Wire.net(c.conn().networkCreateXML(
                a.xml(), c.flags(NetworkCreateFlag.class, a.flags())))));
        t.on(NETWORK_DEFINE_XML, (c, a) -> new NetworkDefineXmlRet(Wire.net(c.conn().networkDefineXML(a.xml()))));
        t.on(NETWORK_DEFINE_XML_FLAGS, (c, a) -> new NetworkDefineXmlFlagsRet(Wire.net(c.conn().networkDefineXML(
                a.xml(), c.flags(NetworkDefineFlag.class, a.flags())))));
        t.on(NETWORK_UNDEFINE, (c, a) -> {
            c.net(a.net()).undefine();
            return null;
        });
        t.on(NETWORK_CREATE, (c, a) -> {
            c.net(a.net()).create();
            return null;
        });
        t.on(NETWORK_DESTROY, (c, a) -> {
            c.net(a.net()).destroy();
            return null;
        });
        t.on(NETWORK_UPDATE, (c, a) -> {
            c.net(a.net()).update(Enums.of(NetworkUpdateCommand.class, a.command(), "network update command"),
                    Enums.of(NetworkUpdateSection.class, a.section(), "network update section"), a.parentIndex(),
                    a.xml(), c.flags(NetworkUpdateFlag.class, a.flags()));
            return null;
        });
        t.on(NETWORK_GET_XML_DESC, (c, a) -> new NetworkGetXmlDescRet(c.net(a.net()).getXMLDesc(
                c.flags(NetworkXMLFlag.class, a.flags()))));
        t.on(NETWORK_GET_BRIDGE_NAME, (c, a) -> new NetworkGetBridgeNameRet(c.net(a.net()).getBridgeName()));
        t.on(NETWORK_GET_AUTOSTART, (c, a) -> new NetworkGetAutostartRet(c.net(a.net()).getAutostart() ? 1 : 0));
        t.on(NETWORK_SET_AUTOSTART, (c, a) -> {
            c.net(a.net()).setAutostart(a.autostart() != 0);
            return null;
        });
        t.on(NETWORK_IS_ACTIVE, (c, a) -> new NetworkIsActiveRet(c.net(a.net()).isActive() ? 1 : 0));
        t.on(NETWORK_IS_PERSISTENT, (c, a) -> new NetworkIsPersistentRet(c.net(a.net()).isPersistent() ? 1 : 0));
        t.on(NETWORK_GET_DHCP_LEASES, (c, a) -> {
            c.noFlags(a.flags());
            List<NetworkDHCPLease> leases = c.net(a.net()).getDHCPLeases(a.mac());
            return new NetworkGetDhcpLeasesRet(a.needResults() != 0 ? Wire.map(leases, NetworkCalls::lease)
                    : List.of(), leases.size());
        });

        t.on(NETWORK_LIST_ALL_PORTS, (c, a) -> {
            c.noFlags(a.flags());
            List<NetworkPort> ports = c.net(a.network()).listAllPorts();
            return new NetworkListAllPortsRet(a.needResults() != 0 ? Wire.map(ports, Wire::port) : List.of(),
                    ports.size());
        });
        t.on(NETWORK_PORT_LOOKUP_BY_UUID, (c, a) -> new NetworkPortLookupByUuidRet(Wire.port(c.net(a.network())
                .portLookupByUUID(Wire.uuid(a.uuid())))));
        t.on(NETWORK_PORT_CREATE_XML, (c, a) -> new NetworkPortCreateXmlRet(Wire.port(c.net(a.network())
                .portCreateXML(a.xml(), c.flags(NetworkPortCreateFlag.class, a.flags())))));
        t.on(NETWORK_PORT_GET_XML_DESC, (c, a) -> {
            c.noFlags(a.flags());
            return new NetworkPortGetXmlDescRet(c.port(a.port()).getXMLDesc());
        });
        t.on(NETWORK_PORT_GET_PARAMETERS, (c, a) -> {
            c.noParamFlags(a.flags());
            Wire.checkNparams(a.nparams(), REMOTE_NETWORK_PORT_PARAMETERS_MAX);
            TypedParameters p = c.port(a.port()).getParameters();
            return new NetworkPortGetParametersRet(Wire.params(p, ConnectCalls.strings(a.flags())), p.size());
        });
        t.on(NETWORK_PORT_SET_PARAMETERS, (c, a) -> {
            c.noFlags(a.flags());
            c.port(a.port()).setParameters(Wire.params(a.params()));
            return null;
        });
        t.on(NETWORK_PORT_DELETE, (c, a) -> {
            c.noFlags(a.flags());
            c.port(a.port()).delete();
            return null;
        });
    }

    private static NetworkDhcpLease lease(NetworkDHCPLease l) {
        return new NetworkDhcpLease(l.iface(), l.expiryTime(), l.type().value(), l.mac(), l.iaid(), l.ipaddr(),
                l.prefix(), l.hostname(), l.clientid());
    }
}
