package org.jvirt.conf.internal;

import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.SmartcardDef;

/**
 * Smartcards sit on a CCID controller (libvirt's virDomainDefMaybeAddSmartcardController): each one without an
 * address gets the next slot of controller 0, and the controller is added when the domain has none.
 */
final class SmartcardPostParse {
    private SmartcardPostParse() {
    }

    static void apply(Devices d) {
        int slot = 0;
        for (SmartcardDef s : d.smartcards) {
            if (s.address == null || s.address.type == null) {
                DeviceAddress a = new DeviceAddress();
                a.type = "ccid";
                a.controller = "0";
                a.slot = Integer.toString(slot);
                s.address = a;
            }
            if ("ccid".equals(s.address.type)) {
                slot = Math.max(slot, (int) DomainPostParse.parseNumber(s.address.slot == null ? "0"
                        : s.address.slot, "Cannot parse <address> 'slot' attribute") + 1);
                int controller = (int) DomainPostParse.parseNumber(s.address.controller == null ? "0"
                        : s.address.controller, "Cannot parse <address> 'controller' attribute");
                boolean present = d.controllers.stream()
                        .anyMatch(c -> "ccid".equals(c.type) && c.index() == controller);
                if (!present) {
                    d.controllers.add(ControllerDef.of("ccid", controller));
                }
            }
        }
    }
}
