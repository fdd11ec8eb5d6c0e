package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.ConnectNetworks;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListNetworksFlag;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkCreateFlag;
import org.jvirt.api.NetworkDefineFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.NetworkLifecycleEvent;
import org.jvirt.api.event.NetworkLifecycleType;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.conf.network.NetworkDef;

/**
 * The networks of a test connection (libvirt's testNetworkDriver table): lookups, lists, define and create. The
 * connection implements this interface; the state lives in {@link HostObjects#networks}.
 */
interface TestNetworks extends ConnectNetworks {

    /** The connection this part belongs to: only {@link TestConnect} implements it. */
    private TestConnect self() {
        return (TestConnect) this;
    }

    @Override
    default List<Network> listAllNetworks(Set<ListNetworksFlag> flags) {
        Flags.check("testConnectListAllNetworks", flags, Flags.all(ListNetworksFlag.class));
        return self().locked(() -> {
            List<Network> out = new ArrayList<>();
            for (NetworkObj o : self().state.objects.networks.all()) {
                if (matches(o, flags)) {
                    out.add(handle(self(), o));
                }
            }
            return out;
        });
    }

    @Override
    default Network networkLookupByName(String name) {
        return self().locked(() -> handle(self(), found(self().state.objects.networks.byName(name), name)));
    }

    @Override
    default Network networkLookupByUUID(UUID uuid) {
        return self().locked(() -> {
            NetworkObj o = self().state.objects.networks.byUuid(uuid);
            if (o == null) {
                throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                        "no network with matching uuid '" + uuid + "'");
            }
            return handle(self(), o);
        });
    }

    @Override
    default Network networkCreateXML(String xml, Set<NetworkCreateFlag> flags) {
        Flags.check("testNetworkCreateXMLFlags", flags, NetworkCreateFlag.VALIDATE.value());
        return self().locked(() -> {
            NetworkDef def = parse(xml, flags.contains(NetworkCreateFlag.VALIDATE));
            NetworkObj o = self().state.objects.networks.assign(def, UUID.fromString(def.uuid), true, true);
            o.active = true;
            emit(self().state, o, NetworkLifecycleType.STARTED);
            return handle(self(), o);
        });
    }

    @Override
    default Network networkDefineXML(String xml, Set<NetworkDefineFlag> flags) {
        Flags.check("testNetworkDefineXMLFlags", flags, NetworkDefineFlag.VALIDATE.value());
        return self().locked(() -> {
            NetworkDef def = parse(xml, flags.contains(NetworkDefineFlag.VALIDATE));
            NetworkObj o = self().state.objects.networks.assign(def, UUID.fromString(def.uuid), false, false);
            emit(self().state, o, NetworkLifecycleType.DEFINED);
            return handle(self(), o);
        });
    }

    /** A network definition from its XML, with its name checked and its UUID in canonical form. */
    static NetworkDef parse(String xml, boolean validate) {
        if (validate) {
            XmlSchemas.check(xml, "network");
        }
        NetworkDef def = ObjectXml.parseDefinition(xml, NetworkDef.class);
        ObjectXml.requireName(def.name, ErrorDomain.NETWORK);
        DomainXml.checkIllegalChars("name", def.name, "/");
        def.uuid = ObjectXml.uuid(def.uuid, ErrorDomain.NETWORK).toString();
        NetworkDef.Forward f = def.forward;
        if (f != null && f.dev != null) {
            // libvirt keeps <forward dev=> as the first forward interface, and writes both
            if (f.interfaces.isEmpty()) {
                NetworkDef.Forward.Interface first = new NetworkDef.Forward.Interface();
                first.dev = f.dev;
                f.interfaces.add(first);
            } else if (!f.dev.equals(f.interfaces.get(0).dev)) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, "<forward dev='" + f.dev
                        + "'> must match first <interface dev='" + f.interfaces.get(0).dev + "'/> in network "
                        + def.name);
            }
        }
        check(def);
        return def;
    }

    /** What libvirt's network parser checks of a whole definition that network updates can break. */
    static void check(NetworkDef def) {
        NetworkDef.Forward f = def.forward;
        if (f == null) {
            return;
        }
        // a <forward> without mode forwards with NAT
        String mode = f.mode == null ? "nat" : f.mode;
        if ((mode.equals("nat") || mode.equals("route") || mode.equals("open")) && f.interfaces.size() > 1) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, "multiple forwarding interfaces "
                    + "specified for network '" + def.name + "', only one is supported");
        }
    }

    static NetworkObj found(NetworkObj o, String name) {
        if (o == null) {
            throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                    "no network with matching name '" + name + "'");
        }
        return o;
    }

    static TestNetwork handle(TestConnect conn, NetworkObj o) {
        return new TestNetwork(conn, o.name(), o.uuid);
    }

    /** Tells every connection of the state that {@code o} changed (virNetworkEventLifecycleNew, detail 0). */
    static void emit(TestState state, NetworkObj o, NetworkLifecycleType type) {
        String name = o.name();
        UUID uuid = o.uuid;
        state.emitEvent(c -> new NetworkLifecycleEvent(new TestNetwork(c, name, uuid), type, 0));
    }

    /** virNetworkObjMatch: each filter group present in {@code flags} must hold. */
    private static boolean matches(NetworkObj o, Set<ListNetworksFlag> f) {
        return group(f, ListNetworksFlag.ACTIVE, ListNetworksFlag.INACTIVE, o.active)
                && group(f, ListNetworksFlag.PERSISTENT, ListNetworksFlag.TRANSIENT, o.persistent)
                && group(f, ListNetworksFlag.AUTOSTART, ListNetworksFlag.NO_AUTOSTART, o.autostart);
    }

    private static boolean group(Set<ListNetworksFlag> f, ListNetworksFlag yes, ListNetworksFlag no, boolean value) {
        if (!f.contains(yes) && !f.contains(no)) {
            return true;
        }
        return f.contains(yes) && value || f.contains(no) && !value;
    }
}
