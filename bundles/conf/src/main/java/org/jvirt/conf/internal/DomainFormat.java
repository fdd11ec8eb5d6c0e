package org.jvirt.conf.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.domain.Alias;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.DeviceAddress;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.GraphicsDef;
import org.jvirt.conf.domain.Metadata;
import org.w3c.dom.Element;

/**
 * Writes a domain as libvirt's virDomainDefFormat does. The model's field order is libvirt's order, so most
 * elements are written by their fields; the elements whose form depends on the flags or on their type have their
 * own formats here (the root, metadata, aliases, addresses, character devices, graphics).
 */
public final class DomainFormat {
    private static final Map<Class<?>, XmlWriter.ElementFormat<?>> FORMATS = formats();

    private DomainFormat() {
    }

    public static String format(DomainDef def, Set<DomainXMLFlag> flags) {
        XmlBuffer b = new XmlBuffer();
        write(b, def, flags);
        return b.toString();
    }

    /** Writes {@code def} into {@code b} at its current indentation (snapshots embed a domain). */
    public static void write(XmlBuffer b, DomainDef def, Set<DomainXMLFlag> flags) {
        write(b, def, flags, "domain");
    }

    /** Writes {@code def} as element {@code root} (a snapshot's {@code <inactiveDomain>}). */
    public static void write(XmlBuffer b, DomainDef def, Set<DomainXMLFlag> flags, String root) {
        XmlWriter w = new XmlWriter(b, flags.contains(DomainXMLFlag.INACTIVE), flags.contains(DomainXMLFlag.SECURE),
                FORMATS);
        w.element(root, def);
    }

    /** The formats of the domain's elements, for documents that embed domain parts (snapshots, backups). */
    public static Map<Class<?>, XmlWriter.ElementFormat<?>> formats() {
        Map<Class<?>, XmlWriter.ElementFormat<?>> m = new HashMap<>();
        m.put(DomainDef.class, (XmlWriter.ElementFormat<DomainDef>) DomainFormat::root);
        m.put(Metadata.class, (XmlWriter.ElementFormat<Metadata>) DomainFormat::metadata);
        m.put(Alias.class, (XmlWriter.ElementFormat<Alias>) DomainFormat::alias);
        m.put(DeviceAddress.class, (XmlWriter.ElementFormat<DeviceAddress>) AddressFormat::write);
        m.put(ChrDef.class, (XmlWriter.ElementFormat<ChrDef>) ChrFormat::write);
        m.put(GraphicsDef.class, (XmlWriter.ElementFormat<GraphicsDef>) GraphicsFormat::write);
        m.put(Devices.class, (XmlWriter.ElementFormat<Devices>) DomainFormat::devices);
        m.put(DiskDef.Target.class, (XmlWriter.ElementFormat<DiskDef.Target>) DomainFormat::diskTarget);
        return m;
    }

    private static void root(XmlWriter w, String name, DomainDef d) {
        XmlBuffer b = w.out();
        b.open(name).attr("type", d.type).attr("id", !w.inactive() && d.id >= 0 ? d.id : null);
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (Element e : d.namespaced) {
            // each prefix once, however many elements of its namespace there are
            if (e.getPrefix() != null && declared.add(e.getPrefix())) {
                b.attr("xmlns:" + e.getPrefix(), e.getNamespaceURI());
            }
        }
        b.endOpen();
        w.children(d);
        b.close(name);
    }

    /** libvirt always writes {@code <devices>} with an end tag, even when it holds nothing. */
    private static void devices(XmlWriter w, String name, Devices d) {
        w.out().open(name).endOpen();
        w.children(d);
        w.out().close(name);
    }

    /** A disk's target: libvirt writes the removable flag of a USB disk only (a SCSI disk's goes to QEMU alone). */
    private static void diskTarget(XmlWriter w, String name, DiskDef.Target t) {
        w.out().open(name).attr("dev", t.dev).attr("bus", t.bus).attr("tray", t.tray)
                .attr("removable", "usb".equals(t.bus) ? t.removable : null).attr("rotation_rate", t.rotationRate)
                .endEmpty();
    }

    private static void metadata(XmlWriter w, String name, Metadata m) {
        XmlBuffer b = w.out();
        if (m.elements.isEmpty()) {
            // libvirt keeps the element it read (or the one whose last child was removed), empty
            b.open(name).endEmpty();
            return;
        }
        b.open(name).endOpen();
        for (Element e : m.elements) {
            b.rawLines(MetadataWriter.write(e));
        }
        b.close(name);
    }

    /** libvirt keeps only user aliases ("ua-…") in the inactive form; the others are assigned at start. */
    private static void alias(XmlWriter w, String name, Alias a) {
        if (a.name == null || w.inactive() && !a.name.startsWith("ua-")) {
            return;
        }
        w.out().open(name).attr("name", a.name).endEmpty();
    }
}
