package org.jvirt.driver.test;

import java.util.UUID;

import org.jvirt.conf.network.NetworkDef;

/** One network of a test state (libvirt's virNetworkObj); guarded by the state's lock. */
final class NetworkObj {
    /** The current definition (the running one while active). */
    NetworkDef def;
    /** The persistent definition to go back to, while a changed live one runs. */
    NetworkDef newDef;
    final UUID uuid;
    boolean active;
    boolean persistent;
    boolean autostart;

    NetworkObj(NetworkDef def, UUID uuid) {
        this.def = def;
        this.uuid = uuid;
    }

    String name() {
        return def.name;
    }

    /** The persistent definition, or the running one of a transient network (virNetworkObjGetPersistentDef). */
    NetworkDef persistentDef() {
        return newDef != null ? newDef : def;
    }

    /**
     * Puts {@code d} in place as libvirt's virNetworkObjUpdateAssignDef: a live definition keeps the persistent one
     * aside; a persistent one waits in newDef while the network runs, and makes the network persistent.
     */
    void assign(NetworkDef d, boolean live) {
        if (live) {
            if (persistent && newDef == null) {
                newDef = def;
            }
            def = d;
        } else {
            if (active) {
                newDef = d;
            } else if (def != null && !persistent) {
                newDef = d;
            } else {
                newDef = null;
                def = d;
            }
            persistent = d != null;
        }
    }
}
