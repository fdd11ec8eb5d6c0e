package org.jvirt.driver.test;

import java.util.UUID;

import org.jvirt.conf.TestNodeXml;
import org.jvirt.conf.network.NetworkDef;
import org.w3c.dom.Element;

/**
 * The objects of a test state besides domains: networks, and what the other object kinds add. Guarded by the
 * state's lock.
 */
final class HostObjects {
    final NetworkObjList networks = new NetworkObjList();
    InterfaceObjList interfaces = new InterfaceObjList();
    /** The host interfaces as they were when a change transaction began, while one runs. */
    InterfaceObjList interfacesBackup;
    /** The NUMA cells of the host: two for test:///default, none for a node file. */
    final int cells;

    HostObjects(int cells) {
        this.cells = cells;
    }

    /** Loads a node file's objects as libvirt's testOpenParse: each starts active. */
    void load(TestNodeXml.TestNode node) {
        for (Element e : node.networks()) {
            NetworkDef def = TestNetworks.parse(ObjectXml.text(e), false);
            NetworkObj o = networks.assign(def, UUID.fromString(def.uuid), false, false);
            o.active = true;
        }
        for (Element e : node.interfaces()) {
            interfaces.assign(TestInterfaces.parse(ObjectXml.text(e), false)).active = true;
        }
    }
}
