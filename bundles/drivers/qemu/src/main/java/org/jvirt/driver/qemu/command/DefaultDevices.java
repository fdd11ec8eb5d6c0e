package org.jvirt.driver.qemu.command;

import org.jvirt.conf.domain.AudioDef;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.GraphicsDef;
import org.jvirt.conf.domain.InputDef;
import org.jvirt.conf.domain.MemballoonDef;
import org.jvirt.conf.domain.WatchdogDef;
import org.jvirt.driver.qemu.caps.QemuCaps;

/**
 * The devices an x86 PC machine has whether the definition names them or not (libvirt's
 * qemuDomainDefAddDefaultDevices): the PS/2 mouse and keyboard of its i8042, the USB controller, the PCI root bus
 * (PCIe on a q35, with its SATA controller and iTCO watchdog), the virtio balloon, and the audio backend QEMU
 * would otherwise pick from the environment.
 */
final class DefaultDevices {
    private DefaultDevices() {
    }

    static void add(DomainDef def, QemuCaps caps) {
        Devices d = def.devices();
        String machine = def.os.type.machine;
        if (hasI8042(def, caps)) {
            maybeAddInput(d, "mouse", "ps2");
            maybeAddInput(d, "keyboard", "ps2");
        }
        // isapc has neither PCI nor USB; every other x86 machine jvirt takes is an i440fx or a q35
        if (!"isapc".equals(machine)) {
            boolean q35 = QemuDefaults.isQ35(machine);
            if (find(d, "usb", 0) == null) {
                ControllerDef usb = ControllerDef.of("usb", 0);
                usb.model = q35 ? autoUsbQ35(caps) : caps.hasType("piix3-usb-uhci") ? "piix3-uhci" : null;
                if (usb.model != null) {
                    insert(d, usb);
                }
            }
            if (q35 && find(d, "sata", 0) == null) {
                insert(d, ControllerDef.of("sata", 0));
            }
            if (find(d, "pci", 0) == null) {
                ControllerDef root = ControllerDef.of("pci", 0);
                root.model = q35 ? "pcie-root" : "pci-root";
                insert(d, root);
            }
            if (d.memballoon == null) {
                d.memballoon = new MemballoonDef();
                d.memballoon.model = "virtio";
            }
            // the ICH9's own watchdog; jvirt's model holds one watchdog, so one already given stays alone
            if (q35 && d.watchdog == null) {
                d.watchdog = new WatchdogDef();
                d.watchdog.model = "itco";
                d.watchdog.action = "reset";
            }
        }
        addAudio(d);
    }

    /** The USB controller a q35 machine gets when the definition names none: USB3 where QEMU has it, else USB2. */
    private static String autoUsbQ35(QemuCaps caps) {
        if (caps.hasType("qemu-xhci")) {
            return "qemu-xhci";
        }
        if (caps.hasType("nec-usb-xhci")) {
            return "nec-xhci";
        }
        return caps.hasType("ich9-usb-ehci1") ? "ich9-ehci1" : null;
    }

    /** QEMU's i8042 exists on PC machines unless {@code <ps2 state='off'/>} removes it (virQEMUCapsSupportsI8042). */
    private static boolean hasI8042(DomainDef def, QemuCaps caps) {
        boolean off = def.features != null && def.features.ps2 != null && "off".equals(def.features.ps2.state);
        return caps.hasType("i8042") && !off;
    }

    /**
     * With the default qemu.conf (no host audio for VNC or for no graphics), a domain without {@code <audio>} gets
     * the silent backend, or SPICE's when SPICE is its last display; an SDL display would pass the host's through
     * from QEMU_AUDIO_DRV, which the driver does not read, so it gets none (qemuDomainDefAddDefaultAudioBackend).
     */
    private static void addAudio(Devices d) {
        if (!d.audios.isEmpty()) {
            return;
        }
        boolean add = d.graphics.isEmpty();
        String type = "none";
        for (GraphicsDef g : d.graphics) {
            switch (g.type) {
                case "vnc" -> {
                    add = true;
                    type = "none";
                }
                case "spice" -> {
                    add = true;
                    type = "spice";
                }
                case "sdl" -> add = false;
                default -> {
                }
            }
        }
        if (add) {
            AudioDef a = new AudioDef();
            a.id = "1";
            a.type = type;
            d.audios.add(a);
        }
    }

    private static void maybeAddInput(Devices d, String type, String bus) {
        for (InputDef in : d.inputs) {
            if (type.equals(in.type) && bus.equals(in.bus)) {
                return;
            }
        }
        InputDef in = new InputDef();
        in.type = type;
        in.bus = bus;
        d.inputs.add(in);
    }

    static ControllerDef find(Devices d, String type, int index) {
        for (ControllerDef c : d.controllers) {
            if (c.type.equals(type) && c.index() == index) {
                return c;
            }
        }
        return null;
    }

    /**
     * Puts a controller where libvirt's virDomainControllerInsert does: before the first one of its type with a
     * higher index, else after the last one of its type, else at the end.
     */
    static void insert(Devices d, ControllerDef c) {
        int at = -1;
        for (int i = d.controllers.size() - 1; i >= 0; i--) {
            ControllerDef cur = d.controllers.get(i);
            if (cur.type.equals(c.type)) {
                if (cur.index() > c.index()) {
                    at = i;
                } else if (at == -1) {
                    at = i + 1;
                }
            }
        }
        if (at == -1) {
            d.controllers.add(c);
        } else {
            d.controllers.add(at, c);
        }
    }
}
