package org.jvirt.driver.qemu.command;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;

/**
 * Ports on the virtio-serial controllers for virtio channels, as libvirt gives them
 * (qemuDomainAssignVirtioSerialAddresses): ports already given are kept; then each channel without a port takes
 * the first free one from port 1 of its controller (the first controller with one free when it names none). A
 * virtio console's port is QEMU's, not written in the definition.
 */
final class VirtioSerialAddresses {
    /** Ports of a virtio-serial controller that names none (QEMU's default). */
    private static final int DEFAULT_PORTS = 31;

    private record Controller(int index, int ports, BitSet used) {
    }

    private final List<Controller> controllers = new ArrayList<>();

    private VirtioSerialAddresses(Devices d) {
        for (ControllerDef c : d.controllers) {
            if ("virtio-serial".equals(c.type)) {
                int ports = c.ports == null ? DEFAULT_PORTS : Integer.parseInt(c.ports);
                controllers.add(new Controller(c.index(), ports, new BitSet(ports)));
            }
        }
    }

    static void assign(Devices d) {
        VirtioSerialAddresses a = new VirtioSerialAddresses(d);
        List<ChrDef> channels = d.channels.stream().filter(VirtioSerialAddresses::virtio).toList();
        for (ChrDef c : channels) {
            a.reserve(c.address);
        }
        for (ChrDef c : channels) {
            if (!complete(c.address)) {
                c.address = a.next(c.address, 1);
            }
        }
    }

    private static boolean virtio(ChrDef c) {
        return c.target != null && "virtio".equals(c.target.type);
    }

    private static boolean complete(DeviceAddress a) {
        return a != null && "virtio-serial".equals(a.type) && a.port != null;
    }

    private void reserve(DeviceAddress a) {
        if (!complete(a)) {
            return;
        }
        Controller c = controller(PciAddresses.parse(a.controller));
        if (c != null) {
            c.used.set(PciAddresses.parse(a.port));
        }
    }

    private Controller controller(int index) {
        for (Controller c : controllers) {
            if (c.index == index) {
                return c;
            }
        }
        return null;
    }

    private DeviceAddress next(DeviceAddress given, int firstPort) {
        boolean named = given != null && "virtio-serial".equals(given.type) && given.controller != null;
        for (Controller c : controllers) {
            if (named && c.index != PciAddresses.parse(given.controller)) {
                continue;
            }
            int port = c.used.nextClearBit(firstPort);
            if (port < c.ports) {
                c.used.set(port);
                DeviceAddress a = new DeviceAddress();
                a.type = "virtio-serial";
                a.controller = Integer.toString(c.index);
                a.bus = given != null && given.bus != null ? given.bus : "0";
                a.port = Integer.toString(port);
                return a;
            }
            if (named) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "Unable to find a free port on virtio-serial controller " + c.index);
            }
        }
        throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                "Unable to find a free virtio-serial port");
    }
}
