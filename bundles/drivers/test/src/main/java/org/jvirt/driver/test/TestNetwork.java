package org.jvirt.driver.test;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateFlag;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.NetworkXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.NetworkLifecycleType;

/**
 * A handle naming a test network by name and UUID (libvirt's test network functions). As in libvirt, most calls
 * find the network again by the handle's name, isActive, isPersistent and update by its UUID.
 */
final class TestNetwork implements Network {
    private final TestConnect conn;
    private final String name;
    private final UUID uuid;

    TestNetwork(TestConnect conn, String name, UUID uuid) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
    }

    private HostObjects objects() {
        return conn.state.objects;
    }

    /** Runs {@code body} on the network of this handle's name (testNetworkObjFindByName). */
    private <T> T byName(Function<NetworkObj, T> body) {
        return conn.locked(() -> body.apply(TestNetworks.found(objects().networks.byName(name), name)));
    }

    /** Runs {@code body} on the network of this handle's UUID (testNetworkObjFindByUUID). */
    private <T> T byUuid(Function<NetworkObj, T> body) {
        return conn.locked(() -> {
            NetworkObj o = objects().networks.byUuid(uuid);
            if (o == null) {
                throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                        "no network with matching uuid '" + uuid + "'");
            }
            return body.apply(o);
        });
    }

    @Override
    public Connect getConnect() {
        return conn;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public UUID getUUID() {
        return uuid;
    }

    @Override
    public String getXMLDesc(Set<NetworkXMLFlag> flags) {
        Flags.check("testNetworkGetXMLDesc", flags, 0);
        return byName(o -> ObjectXml.format(o.def));
    }

    @Override
    public String getBridgeName() {
        return byName(o -> {
            if (o.def.bridge == null || o.def.bridge.name == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "network '" + o.name()
                        + "' does not have a bridge name.");
            }
            return o.def.bridge.name;
        });
    }

    @Override
    public boolean getAutostart() {
        return byName(o -> o.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        byName(o -> o.autostart = autostart);
    }

    @Override
    public boolean isActive() {
        return byUuid(o -> o.active);
    }

    @Override
    public boolean isPersistent() {
        return byUuid(o -> o.persistent);
    }

    @Override
    public void create() {
        byName(o -> {
            if (o.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, "Network '" + name
                        + "' is already running");
            }
            o.active = true;
            TestNetworks.emit(conn.state, o, NetworkLifecycleType.STARTED);
            return null;
        });
    }

    @Override
    public void destroy() {
        // as libvirt's test driver, stopping a network that does not run stops it again
        byName(o -> {
            o.active = false;
            TestNetworks.emit(conn.state, o, NetworkLifecycleType.STOPPED);
            if (!o.persistent) {
                objects().networks.remove(o);
            }
            return null;
        });
    }

    @Override
    public void undefine() {
        byName(o -> {
            if (o.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, "Network '" + name
                        + "' is still running");
            }
            TestNetworks.emit(conn.state, o, NetworkLifecycleType.UNDEFINED);
            objects().networks.remove(o);
            return null;
        });
    }

    @Override
    public void update(NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex, String xml,
            Set<NetworkUpdateFlag> flags) {
        Flags.check("testNetworkUpdate", flags, NetworkUpdateFlag.LIVE.value() | NetworkUpdateFlag.CONFIG.value());
        byUuid(o -> {
            boolean live = flags.contains(NetworkUpdateFlag.LIVE);
            boolean config = flags.contains(NetworkUpdateFlag.CONFIG);
            if (!live && !config) {
                // CURRENT: the running definition of an active network, else the persistent one
                live = o.active;
                config = !o.active;
            }
            NetworkUpdate.apply(o, command, section, parentIndex, xml, live, config);
            return null;
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestNetwork n && n.uuid.equals(uuid) && n.conn == conn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, System.identityHashCode(conn));
    }

    @Override
    public String toString() {
        return "TestNetwork[" + name + ", " + uuid + "]";
    }
}
