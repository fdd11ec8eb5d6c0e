package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.network.NetworkDef;

/** The networks of a test state by UUID (libvirt's virNetworkObjList); callers hold the state's lock. */
final class NetworkObjList {
    private final Map<UUID, NetworkObj> objs = new LinkedHashMap<>();

    List<NetworkObj> all() {
        return new ArrayList<>(objs.values());
    }

    NetworkObj byUuid(UUID uuid) {
        return objs.get(uuid);
    }

    NetworkObj byName(String name) {
        for (NetworkObj o : objs.values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Adds a definition or replaces one as libvirt's virNetworkObjAssignDef: the same UUID under another name, or the
     * same name under another UUID, is refused; {@code checkLive} refuses a network that runs; {@code live} makes
     * it the running definition (a new network is then transient).
     */
    NetworkObj assign(NetworkDef def, UUID uuid, boolean live, boolean checkLive) {
        NetworkObj obj = objs.get(uuid);
        if (obj != null) {
            if (!obj.name().equals(def.name)) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK, "network '" + obj.name()
                        + "' is already defined with uuid " + obj.uuid);
            }
            if (checkLive && obj.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                        "network is already active as '" + obj.name() + "'");
            }
            obj.assign(def, live);
            return obj;
        }
        NetworkObj same = byName(def.name);
        if (same != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK, "network '" + def.name
                    + "' already exists with uuid " + same.uuid);
        }
        obj = new NetworkObj(def, uuid);
        obj.persistent = !live;
        objs.put(uuid, obj);
        return obj;
    }

    void remove(NetworkObj obj) {
        objs.remove(obj.uuid);
    }
}
