package org.jvirt.conf.internal;

import org.jvirt.conf.domain.DeviceAddress;

/**
 * A device's {@code <address>} as libvirt's virDomainDeviceInfoFormat writes it: the attributes of its type only,
 * in that type's order, numbers in the base libvirt uses for them (hex for PCI and CCW, decimal for drives).
 */
final class AddressFormat {
    private AddressFormat() {
    }

    static void write(XmlWriter w, String name, DeviceAddress a) {
        if (a.type == null || a.type.equals("none")) {
            return;
        }
        XmlBuffer b = w.out();
        b.open(name).attr("type", a.type);
        switch (a.type) {
            case "pci" -> b.attr("domain", hex(a.domain, 4)).attr("bus", hex(a.bus, 2)).attr("slot", hex(a.slot, 2))
                    .attr("function", a.function == null ? "0x0" : "0x" + Long.toHexString(num(a.function)))
                    .attr("multifunction", a.multifunction);
            case "drive" -> b.attr("controller", dec(a.controller)).attr("bus", dec(a.bus))
                    .attr("target", dec(a.target)).attr("unit", dec(a.unit));
            case "virtio-serial" -> b.attr("controller", dec(a.controller)).attr("bus", dec(a.bus))
                    .attr("port", dec(a.port));
            case "ccid" -> b.attr("controller", dec(a.controller)).attr("slot", dec(a.slot));
            case "usb" -> b.attr("bus", dec(a.bus)).attr("port", a.port);
            case "spapr-vio" -> b.attr("reg", a.reg == null ? null : String.format("0x%08x", num(a.reg)));
            case "ccw" -> b.attr("cssid", a.cssid == null ? null : "0x" + Long.toHexString(num(a.cssid)))
                    .attr("ssid", a.ssid == null ? null : "0x" + Long.toHexString(num(a.ssid)))
                    .attr("devno", a.devno == null ? null : String.format("0x%04x", num(a.devno)));
            case "isa" -> b.attr("iobase", a.iobase == null ? null : "0x" + Long.toHexString(num(a.iobase)))
                    .attr("irq", a.irq == null ? null : "0x" + Long.toHexString(num(a.irq)));
            case "dimm" -> b.attr("slot", dec(a.slot)).attr("base",
                    a.base == null ? null : "0x" + Long.toHexString(num(a.base)));
            case "virtio-mmio", "unassigned" -> {
            }
            default -> {
            }
        }
        if (a.type.equals("pci") && a.zpci != null) {
            b.endOpen();
            b.open("zpci").attr("uid", a.zpci.uid == null ? null : "0x" + Long.toHexString(num(a.zpci.uid)))
                    .attr("fid", a.zpci.fid == null ? null : String.format("0x%08x", num(a.zpci.fid))).endEmpty();
            b.close(name);
            return;
        }
        b.endEmpty();
    }

    private static long num(String s) {
        return DomainPostParse.parseNumber(s, "Cannot parse <address> attribute");
    }

    private static String hex(String s, int width) {
        return String.format("0x%0" + width + "x", s == null ? 0 : num(s));
    }

    private static String dec(String s) {
        return Long.toString(s == null ? 0 : num(s));
    }
}
