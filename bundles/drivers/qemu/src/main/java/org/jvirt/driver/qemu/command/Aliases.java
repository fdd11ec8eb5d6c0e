package org.jvirt.driver.qemu.command;

import org.jvirt.conf.domain.Alias;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;

/**
 * The ids libvirt gives a running domain's devices (qemuAssignDeviceAliases): they name the devices on QEMU's
 * command line and in its monitor, and appear as {@code <alias name=''/>} in the live XML.
 */
public final class Aliases {
    private Aliases() {
    }

    public static void assign(DomainDef def) {
        Devices d = def.devices();
        for (DiskDef disk : d.disks) {
            disk.alias = alias(disk(def, disk));
        }
        for (ControllerDef c : d.controllers) {
            c.alias = alias(controller(c));
        }
        for (int i = 0; i < d.interfaces.size(); i++) {
            d.interfaces.get(i).alias = alias("net" + i);
        }
        for (int i = 0; i < d.serials.size(); i++) {
            d.serials.get(i).alias = alias("serial" + i);
        }
        for (int i = 0; i < d.parallels.size(); i++) {
            d.parallels.get(i).alias = alias("parallel" + i);
        }
        for (int i = 0; i < d.channels.size(); i++) {
            d.channels.get(i).alias = alias("channel" + i);
        }
        for (int i = 0; i < d.consoles.size(); i++) {
            ChrDef c = d.consoles.get(i);
            // the first console of a serial type is the first serial port itself
            boolean isSerial0 = i == 0 && !d.serials.isEmpty()
                    && (c.target == null || c.target.type == null || "serial".equals(c.target.type));
            c.alias = alias(isSerial0 ? "serial0" : "console" + i);
        }
        for (int i = 0; i < d.inputs.size(); i++) {
            d.inputs.get(i).alias = alias("input" + i);
        }
        for (int i = 0; i < d.sounds.size(); i++) {
            d.sounds.get(i).alias = alias("sound" + i);
        }
        for (int i = 0; i < d.videos.size(); i++) {
            d.videos.get(i).alias = alias("video" + i);
        }
        if (d.watchdog != null) {
            d.watchdog.alias = alias("watchdog0");
        }
        if (d.memballoon != null && !"none".equals(d.memballoon.model)) {
            d.memballoon.alias = alias("balloon0");
        }
    }

    /**
     * Drops the aliases a start assigned (all but the user's "ua-" ones), which the inactive form does not show:
     * conf's formatter would leave an element open for the alias it then omits.
     */
    public static void clearAssigned(DomainDef def) {
        clear(def.devices());
    }

    private static void clear(Object node) {
        if (node == null) {
            return;
        }
        for (java.lang.reflect.Field f : node.getClass().getFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                Object v = f.get(node);
                if (v instanceof Alias a) {
                    if (a.name == null || !a.name.startsWith("ua-")) {
                        f.set(node, null);
                    }
                } else if (v instanceof java.util.List<?> list) {
                    for (Object item : list) {
                        if (item != null && item.getClass().getName().startsWith("org.jvirt.conf.domain.")) {
                            clear(item);
                        }
                    }
                } else if (v != null && v.getClass().getName().startsWith("org.jvirt.conf.domain.")) {
                    clear(v);
                }
            } catch (IllegalAccessException e) {
                // public fields of conf's model: not reached
            }
        }
    }

    /** The alias libvirt gives a disk ("virtio-disk2", "scsi0-0-0-1"). */
    public static String diskAlias(DomainDef def, DiskDef disk) {
        return disk(def, disk);
    }

    static String disk(DomainDef def, DiskDef disk) {
        String bus = disk.target.bus;
        var a = disk.address;
        return switch (bus) {
            case "scsi" -> lsiLogic(def, a.controller) ? "scsi" + a.controller + "-" + a.bus + "-" + a.unit
                    : "scsi" + a.controller + "-" + a.bus + "-" + a.target + "-" + a.unit;
            case "ide", "sata" -> bus + a.controller + "-" + a.bus + "-" + a.unit;
            case "fdc" -> "fdc0-0-" + a.unit;
            case "virtio" -> "virtio-disk" + diskIndex(disk.target.dev);
            case "usb" -> "usb-disk" + diskIndex(disk.target.dev);
            default -> bus + "-disk" + diskIndex(disk.target.dev);
        };
    }

    /** Disks on an LSI Logic controller have no target in their alias (libvirt's older form). */
    private static boolean lsiLogic(DomainDef def, String controller) {
        for (ControllerDef c : def.devices().controllers) {
            if ("scsi".equals(c.type) && Integer.toString(c.index()).equals(controller)) {
                return "lsilogic".equals(c.model);
            }
        }
        return false;
    }

    static String controller(ControllerDef c) {
        int i = c.index();
        return switch (c.type) {
            case "usb" -> i == 0 ? "usb" : "usb" + i;
            case "ide" -> i == 0 ? "ide" : "ide" + i;
            case "pci" -> "pci." + i;
            case "sata" -> "sata" + i;
            default -> c.type + i;
        };
    }

    /** The index of a disk name: vda → 0, hdc → 2, sdaa → 26 (virDiskNameToIndex). */
    public static int diskIndex(String name) {
        String letters = name;
        for (String prefix : new String[] {"xvd", "ubd", "hd", "sd", "vd", "fd"}) {
            if (name.startsWith(prefix)) {
                letters = name.substring(prefix.length());
                break;
            }
        }
        int idx = 0;
        for (int k = 0; k < letters.length() && Character.isLowerCase(letters.charAt(k)); k++) {
            idx = idx * 26 + (letters.charAt(k) - 'a' + 1);
        }
        return idx - 1;
    }

    private static Alias alias(String name) {
        Alias a = new Alias();
        a.name = name;
        return a;
    }
}
