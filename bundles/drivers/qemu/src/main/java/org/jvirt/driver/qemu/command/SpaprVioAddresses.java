package org.jvirt.driver.qemu.command;

import java.util.HashSet;
import java.util.Set;

import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.NetDef;

/**
 * The sPAPR VIO bus addresses of the devices that live on it whatever the machine (qemuDomainAssignSpaprVIOAddresses):
 * spapr-vlan NICs from 0x1000, ibmvscsi SCSI controllers from 0x2000; each takes the first register from its
 * device kind's base that no other device uses. They come before the PCI slots, which they do not take.
 */
final class SpaprVioAddresses {
    private final Set<Long> used = new HashSet<>();

    private SpaprVioAddresses() {
    }

    static void assign(Devices d) {
        SpaprVioAddresses a = new SpaprVioAddresses();
        d.interfaces.forEach(n -> a.reserve(n.address));
        d.controllers.forEach(c -> a.reserve(c.address));
        for (NetDef n : d.interfaces) {
            if (n.model != null && "spapr-vlan".equals(n.model.type) && wanted(n.address)) {
                n.address = a.next(0x1000);
            }
        }
        for (ControllerDef c : d.controllers) {
            if ("scsi".equals(c.type) && "ibmvscsi".equals(c.model) && wanted(c.address)) {
                c.address = a.next(0x2000);
            }
        }
    }

    private static boolean wanted(DeviceAddress a) {
        return a == null || "spapr-vio".equals(a.type) && a.reg == null;
    }

    private void reserve(DeviceAddress a) {
        if (a != null && "spapr-vio".equals(a.type) && a.reg != null) {
            used.add(Long.decode(a.reg));
        }
    }

    private DeviceAddress next(long base) {
        long reg = base;
        while (used.contains(reg)) {
            reg++;
        }
        used.add(reg);
        DeviceAddress a = new DeviceAddress();
        a.type = "spapr-vio";
        a.reg = String.format("0x%08x", reg);
        return a;
    }
}
