package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.conf.iface.InterfaceDef;

/** The host interfaces of a test state by name (libvirt's virInterfaceObjList); callers hold the state's lock. */
final class InterfaceObjList {
    /** One host interface (virInterfaceObj). */
    static final class InterfaceObj {
        InterfaceDef def;
        boolean active;

        InterfaceObj(InterfaceDef def) {
            this.def = def;
        }

        String name() {
            return def.name;
        }

        /** The MAC address, or null for an interface without one. */
        String mac() {
            return def.mac == null ? null : def.mac.address;
        }
    }

    private final Map<String, InterfaceObj> objs = new LinkedHashMap<>();

    List<InterfaceObj> all() {
        return new ArrayList<>(objs.values());
    }

    InterfaceObj byName(String name) {
        return objs.get(name);
    }

    /**
     * The names of the interfaces with this MAC address, compared without case. As libvirt 9.0 (whose comparison
     * takes an absent address for a match), an interface without a MAC address matches any.
     */
    List<String> namesByMac(String mac) {
        List<String> out = new ArrayList<>();
        for (InterfaceObj o : objs.values()) {
            if (o.mac() == null || o.mac().equalsIgnoreCase(mac)) {
                out.add(o.name());
            }
        }
        return out;
    }

    /** A new definition replaces the one of the same name, which keeps its state; else a new inactive one. */
    InterfaceObj assign(InterfaceDef def) {
        InterfaceObj o = objs.get(def.name);
        if (o != null) {
            o.def = def;
            return o;
        }
        o = new InterfaceObj(def);
        objs.put(def.name, o);
        return o;
    }

    void remove(InterfaceObj o) {
        objs.remove(o.name());
    }

    /** A copy of every definition, all inactive, as virInterfaceObjListClone makes for a transaction. */
    InterfaceObjList copy() {
        InterfaceObjList out = new InterfaceObjList();
        for (InterfaceObj o : objs.values()) {
            out.assign(ObjectXml.copy(o.def));
        }
        return out;
    }
}
