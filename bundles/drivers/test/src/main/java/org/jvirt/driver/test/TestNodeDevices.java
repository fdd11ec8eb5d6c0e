package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ConnectNodeDevices;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListNodeDevicesFlag;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.NodeDeviceCreateXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.NodeDeviceLifecycleEvent;
import org.jvirt.api.event.NodeDeviceLifecycleType;
import org.jvirt.conf.nodedev.NodeDeviceDef;

/**
 * The host devices of a test connection (libvirt's testNodeDeviceDriver table): lists, lookups, and virtual HBAs
 * made and destroyed as libvirt's test driver mocks them, by copying scsi_host11. The connection implements this
 * interface; the state lives in {@link HostObjects}.
 */
interface TestNodeDevices extends ConnectNodeDevices {
    /** The device libvirt's test driver copies to make a vHBA, and the name the copy gets. */
    String VPORT_TEMPLATE = "scsi_host11";
    String VPORT_NAME = "scsi_host12";

    /** The connection this part belongs to: only {@link TestConnect} implements it. */
    private TestConnect self() {
        return (TestConnect) this;
    }

    @Override
    default List<NodeDevice> listAllNodeDevices(Set<ListNodeDevicesFlag> flags) {
        int caps = Flags.all(ListNodeDevicesFlag.class) & ~ListNodeDevicesFlag.ACTIVE.value()
                & ~ListNodeDevicesFlag.INACTIVE.value();
        Flags.check("testConnectListAllNodeDevices", flags, caps);
        return self().locked(() -> {
            List<NodeDevice> out = new ArrayList<>();
            for (NodeDeviceDef d : self().state.objects.devices.all()) {
                if (NodeDeviceObjList.matches(d, flags)) {
                    out.add(new TestNodeDevice(self(), d.name, d.parent));
                }
            }
            return out;
        });
    }

    @Override
    default List<String> nodeListDevices(String cap) {
        return self().locked(() -> {
            List<String> out = new ArrayList<>();
            for (NodeDeviceDef d : self().state.objects.devices.all()) {
                if (cap == null || NodeDeviceObjList.hasCap(d, cap)) {
                    out.add(d.name);
                }
            }
            return out;
        });
    }

    @Override
    default NodeDevice nodeDeviceLookupByName(String name) {
        return self().locked(() -> {
            NodeDeviceDef d = found(self().state.objects.devices.byName(name), name);
            return new TestNodeDevice(self(), d.name, d.parent);
        });
    }

    @Override
    default NodeDevice nodeDeviceCreateXML(String xml, Set<NodeDeviceCreateXMLFlag> flags) {
        Flags.check("testNodeDeviceCreateXML", flags, 0);
        return self().locked(() -> {
            NodeDeviceDef def = ObjectXml.parse(xml, NodeDeviceDef.class);
            // a device to create is known as "new device" until it exists
            def.name = "new device";
            NodeDeviceDef.Capability.NestedCapability fc = wwns(def);
            parentHost(self().state.objects.devices, def);
            createVport(self().state, fc.wwnn, fc.wwpn);
            return new TestNodeDevice(self(), VPORT_NAME, self().state.objects.devices.byName(VPORT_NAME).parent);
        });
    }

    /** The fibre channel capability that carries a device's world-wide names (virNodeDeviceGetWWNs). */
    static NodeDeviceDef.Capability.NestedCapability wwns(NodeDeviceDef def) {
        NodeDeviceDef.Capability.NestedCapability fc = "scsi_host".equals(def.capability == null ? null
                : def.capability.type) ? NodeDeviceObjList.nested(def, "fc_host") : null;
        if (fc == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NODEDEV,
                    "Device is not a fibre channel HBA");
        }
        return fc;
    }

    /** Checks that the new device has a parent able to make vports (virNodeDeviceObjListGetParentHost). */
    private static void parentHost(NodeDeviceObjList devs, NodeDeviceDef def) {
        NodeDeviceDef parent = null;
        if (def.parent != null) {
            parent = devs.byName(def.parent);
        } else {
            for (NodeDeviceDef d : devs.all()) {
                if (NodeDeviceObjList.hasCap(d, "vports")) {
                    parent = d;
                    break;
                }
            }
            if (parent == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NODEDEV,
                        "Could not find any vport capable device");
            }
        }
        if (parent == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NODEDEV,
                    "Could not find parent device for '" + def.name + "'");
        }
        if (!NodeDeviceObjList.hasCap(parent, "vports")) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NODEDEV, "Parent device " + parent.name
                    + " is not capable of vport operations");
        }
    }

    /**
     * Makes the vHBA scsi_host12 as libvirt's testNodeDeviceMockCreateVport: a copy of scsi_host11 with these
     * world-wide names (its host number stays, as in libvirt).
     */
    static void createVport(TestState state, String wwnn, String wwpn) {
        NodeDeviceObjList devs = state.objects.devices;
        NodeDeviceDef template = devs.byName(VPORT_TEMPLATE);
        if (template == null) {
            // libvirt fails here without saying why
            throw VirtException.withMessage(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                    "An error occurred, but the cause is unknown");
        }
        NodeDeviceDef def = ObjectXml.copy(template);
        def.name = VPORT_NAME;
        NodeDeviceDef.Capability.NestedCapability fc = NodeDeviceObjList.nested(def, "fc_host");
        if (fc != null) {
            fc.wwnn = wwnn;
            fc.wwpn = wwpn;
        }
        devs.assign(def);
        emit(state, VPORT_NAME, NodeDeviceLifecycleType.CREATED);
    }

    /** Removes the vHBA scsi_host12 when its fibre channel pool stops (testDestroyVport). */
    static void destroyVport(TestState state) {
        if (state.objects.devices.byName(VPORT_NAME) == null) {
            throw new VirtException(ErrorCode.NO_NODE_DEVICE, ErrorDomain.TEST,
                    "no node device with matching name '" + VPORT_NAME + "'");
        }
        emit(state, VPORT_NAME, NodeDeviceLifecycleType.DELETED);
        state.objects.devices.remove(VPORT_NAME);
    }

    /**
     * testNodeDeviceDestroy: a vHBA whose parent exists goes. As libvirt's test driver, a device that is no vHBA
     * is left in place and the call still succeeds.
     */
    static void destroy(TestState state, String name) {
        NodeDeviceDef def = found(state.objects.devices.byName(name), name);
        try {
            wwns(def);
        } catch (VirtException notAnHba) {
            return;
        }
        if (def.parent == null || state.objects.devices.byName(def.parent) == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "cannot find parent '"
                    + def.parent + "' definition");
        }
        emit(state, name, NodeDeviceLifecycleType.DELETED);
        state.objects.devices.remove(name);
    }

    static NodeDeviceDef found(NodeDeviceDef d, String name) {
        if (d == null) {
            throw new VirtException(ErrorCode.NO_NODE_DEVICE, ErrorDomain.TEST,
                    "no node device with matching name '" + name + "'");
        }
        return d;
    }

    /** Tells every connection of the state about device {@code name} (virNodeDeviceEventLifecycleNew). */
    static void emit(TestState state, String name, NodeDeviceLifecycleType type) {
        state.emitEvent(c -> new NodeDeviceLifecycleEvent(new TestNodeDevice(c, name), type, 0));
    }
}
