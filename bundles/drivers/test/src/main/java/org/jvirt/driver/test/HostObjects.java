package org.jvirt.driver.test;

import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.TestNodeXml;
import org.jvirt.conf.network.NetworkDef;
import org.jvirt.conf.nodedev.NodeDeviceDef;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;
import org.w3c.dom.Element;

/**
 * The objects of a test state besides domains (libvirt's testDriver fields): networks, host interfaces and their
 * change transaction, storage pools with their volumes, node devices, and the host's NUMA cells. Guarded by the
 * state's lock.
 */
final class HostObjects {
    final NetworkObjList networks = new NetworkObjList();
    InterfaceObjList interfaces = new InterfaceObjList();
    /** The host interfaces as they were when a change transaction began, while one runs. */
    InterfaceObjList interfacesBackup;
    final StoragePoolObjList pools = new StoragePoolObjList();
    final NodeDeviceObjList devices = new NodeDeviceObjList();
    /** The NUMA cells of the host: two for test:///default, none for a node file. */
    final int cells;

    HostObjects(int cells) {
        this.cells = cells;
    }

    /** Loads a node file's objects as libvirt's testOpenParse: networks, interfaces and pools start active. */
    void load(TestNodeXml.TestNode node) {
        for (Element e : node.networks()) {
            NetworkDef def = TestNetworks.parse(ObjectXml.text(e), false);
            networks.assign(def, UUID.fromString(def.uuid), false, false).active = true;
        }
        for (Element e : node.interfaces()) {
            interfaces.assign(TestInterfaces.parse(ObjectXml.text(e), false)).active = true;
        }
        for (TestNodeXml.NodePool p : node.pools()) {
            StoragePoolDef def = TestStorage.parse(ObjectXml.text(p.pool()), false);
            PoolType type = PoolType.of(def.type);
            StoragePoolObj o = pools.add(def, UUID.fromString(def.uuid), type, false);
            o.setDefaults();
            o.persistent = true;
            o.active = true;
            for (Element v : p.volumes()) {
                StorageVolDef vol = VolumeDefs.parse(ObjectXml.text(v), type);
                // a volume of a node file keeps the path and key it gives (testOpenVolumesForPool)
                if (vol.target == null || vol.target.path == null) {
                    if (vol.target == null) {
                        vol.target = new StorageVolDef.Target();
                    }
                    vol.target.path = o.targetPath() + "/" + vol.name;
                }
                if (vol.key == null) {
                    vol.key = vol.target.path;
                }
                o.addVolume(vol);
            }
        }
        for (Element e : node.devices()) {
            NodeDeviceDef def = ObjectXml.parseDefinition(ObjectXml.text(e), NodeDeviceDef.class);
            if (def.name == null) {
                throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.NODEDEV, null);
            }
            devices.assign(def);
        }
    }
}
