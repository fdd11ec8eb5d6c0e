package org.jvirt.driver.qemu.command;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;

/**
 * The controllers the generic parse adds for the disks and channels that need one (libvirt's
 * virDomainDefAddImplicitControllers). libvirt adds them after its QEMU driver's defaults, so they follow the USB
 * controller and the PCI root bus; jvirt's parse has added them already, so a new definition takes them out,
 * gets the driver's defaults, and puts them back, in libvirt's order. A controller the document names is never
 * one of them.
 */
final class ImplicitControllers {
    private final List<ControllerDef> detached;

    private ImplicitControllers(List<ControllerDef> detached) {
        this.detached = detached;
    }

    /** Takes out of {@code def} the controllers its document {@code xml} does not name. */
    static ImplicitControllers detach(DomainDef def, String xml) {
        Set<String> named = named(xml);
        List<ControllerDef> out = new ArrayList<>();
        if (named == null) {
            return new ImplicitControllers(out);
        }
        def.devices().controllers.removeIf(c -> {
            if (!named.contains(c.type + ":" + c.index())) {
                out.add(c);
                return true;
            }
            return false;
        });
        return new ImplicitControllers(out);
    }

    /**
     * Puts them back where libvirt inserts them; a SCSI one gets the driver's model, as libvirt runs the device
     * defaults again for the SCSI controllers it adds late.
     */
    void reattach(DomainDef def, QemuCaps caps) {
        Devices d = def.devices();
        for (ControllerDef c : detached) {
            // the generic parse only ever adds virtio-serial 0; libvirt adds the ones the ports name, below
            if ("virtio-serial".equals(c.type) || DefaultDevices.find(d, c.type, c.index()) != null) {
                continue;
            }
            if ("scsi".equals(c.type) && c.model == null) {
                c.model = DevicePostParse.defaultScsiModel(caps);
            }
            DefaultDevices.insert(d, c);
        }
        for (ChrDef chr : virtioPorts(d)) {
            int index = chr.address != null && "virtio-serial".equals(chr.address.type)
                    && chr.address.controller != null ? Integer.parseInt(chr.address.controller) : 0;
            if (DefaultDevices.find(d, "virtio-serial", index) == null) {
                DefaultDevices.insert(d, ControllerDef.of("virtio-serial", index));
            }
        }
    }

    /** The virtio channels, then the virtio consoles (virDomainDefMaybeAddVirtioSerialController). */
    private static List<ChrDef> virtioPorts(Devices d) {
        List<ChrDef> out = new ArrayList<>();
        for (ChrDef c : d.channels) {
            if (c.target != null && "virtio".equals(c.target.type)) {
                out.add(c);
            }
        }
        for (ChrDef c : d.consoles) {
            if (c.target != null && "virtio".equals(c.target.type)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The controllers a document names, as TYPE:INDEX (null if it cannot be read): those without an index take, in order, the lowest ones
     * their type's indexed controllers leave free, as the parse gives them.
     */
    private static Set<String> named(String xml) {
        Map<String, Set<Integer>> indexed = new HashMap<>();
        Map<String, Integer> unindexed = new HashMap<>();
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int depth = 0;
        boolean inDevices = false;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            try {
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String name = r.getLocalName();
                        if (depth == 2 && name.equals("devices")) {
                            inDevices = true;
                        } else if (depth == 3 && inDevices && name.equals("controller")) {
                            String type = r.getAttributeValue(null, "type");
                            type = type == null ? "ide" : type;
                            String index = r.getAttributeValue(null, "index");
                            if (index == null) {
                                unindexed.merge(type, 1, Integer::sum);
                            } else {
                                indexed.computeIfAbsent(type, k -> new HashSet<>())
                                        .add(Integer.parseInt(index.strip()));
                            }
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        if (depth == 2) {
                            inDevices = false;
                        }
                        depth--;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | NumberFormatException e) {
            // the parse accepted the document, so this cannot happen; if it does, every controller counts as named
            return null;
        }
        Set<String> out = new HashSet<>();
        indexed.forEach((type, idx) -> idx.forEach(i -> out.add(type + ":" + i)));
        unindexed.forEach((type, n) -> {
            Set<Integer> used = indexed.getOrDefault(type, Set.of());
            int i = 0;
            for (int k = 0; k < n; k++) {
                while (used.contains(i)) {
                    i++;
                }
                out.add(type + ":" + i++);
            }
        });
        return out;
    }
}
