package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ListNodeDevicesFlag;
import org.jvirt.conf.nodedev.NodeDeviceDef;

/** The host devices of a test state by name (libvirt's virNodeDeviceObjList); callers hold the state's lock. */
final class NodeDeviceObjList {
    /** The capability names libvirt's list filters name, in the order of ListNodeDevicesFlag's CAP_ constants. */
    private static final Map<ListNodeDevicesFlag, String> CAPS = new LinkedHashMap<>();

    static {
        String[] names = {"system", "pci", "usb_device", "usb", "net", "scsi_host", "scsi_target", "scsi",
            "storage", "fc_host", "vports", "scsi_generic", "drm", "mdev_types", "mdev", "ccw", "css", "vdpa",
            "ap_card", "ap_queue", "ap_matrix", "vpd"};
        int i = 0;
        for (ListNodeDevicesFlag f : ListNodeDevicesFlag.values()) {
            if (f.name().startsWith("CAP_")) {
                CAPS.put(f, names[i++]);
            }
        }
    }

    private final Map<String, NodeDeviceDef> devs = new LinkedHashMap<>();

    List<NodeDeviceDef> all() {
        return new ArrayList<>(devs.values());
    }

    NodeDeviceDef byName(String name) {
        return devs.get(name);
    }

    /** Adds a device, or replaces the one of the same name (virNodeDeviceObjListAssignDef). */
    void assign(NodeDeviceDef def) {
        devs.put(def.name, def);
    }

    void remove(String name) {
        devs.remove(name);
    }

    /** Whether any capability filter of {@code flags} holds for {@code def} (virNodeDeviceObjMatch). */
    static boolean matches(NodeDeviceDef def, Set<ListNodeDevicesFlag> flags) {
        boolean filtered = false;
        for (Map.Entry<ListNodeDevicesFlag, String> e : CAPS.entrySet()) {
            if (flags.contains(e.getKey())) {
                filtered = true;
                if (hasCap(def, e.getValue())) {
                    return true;
                }
            }
        }
        return !filtered;
    }

    /**
     * virNodeDeviceObjHasCap: the device's own capability, or one its capability carries (a SCSI host's fc_host and
     * vports, a PCI device's mdev_types and vpd, a CSS device's or AP matrix's mdev_types).
     */
    static boolean hasCap(NodeDeviceDef def, String name) {
        NodeDeviceDef.Capability c = def.capability;
        if (c == null) {
            return false;
        }
        if (name.equals(c.type)) {
            return true;
        }
        String nested = switch (name) {
            case "fc_host" -> "scsi_host".equals(c.type) ? "fc_host" : null;
            case "vports" -> "scsi_host".equals(c.type) ? "vport_ops" : null;
            case "mdev_types" -> "pci".equals(c.type) || "css".equals(c.type) || "ap_matrix".equals(c.type)
                    ? "mdev_types" : null;
            case "vpd" -> "pci".equals(c.type) ? "vpd" : null;
            default -> null;
        };
        return nested != null && nested(def, nested) != null;
    }

    /** The capability of {@code type} the device's capability carries, or null. */
    static NodeDeviceDef.Capability.NestedCapability nested(NodeDeviceDef def, String type) {
        if (def.capability == null) {
            return null;
        }
        for (NodeDeviceDef.Capability.NestedCapability n : def.capability.capabilities) {
            if (type.equals(n.type)) {
                return n;
            }
        }
        return null;
    }

    /** The device's capability names (the test driver lists only its own capabilities). */
    static List<String> caps(NodeDeviceDef def) {
        return def.capability == null ? List.of() : List.of(def.capability.type);
    }
}
