package org.jvirt.conf.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.caps.CapabilitiesDef;
import org.jvirt.conf.iface.InterfaceDef;
import org.jvirt.conf.network.NetworkDef;
import org.jvirt.conf.nodedev.NodeDeviceDef;
import org.jvirt.conf.nwfilter.NWFilterDef;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;

/**
 * Writes the documents other than domains. Their models carry libvirt's order; what depends on more than the
 * fields has a format here, and domains embedded in snapshots and checkpoints use the domain's formats.
 */
public final class DocumentFormat {
    private static final Map<Class<?>, XmlWriter.ElementFormat<?>> FORMATS = formats();

    private DocumentFormat() {
    }

    public static String format(String root, Object def, Set<DomainXMLFlag> flags) {
        if (def instanceof InterfaceDef i) {
            return InterfaceDocument.format(i);
        }
        if (def instanceof NWFilterDef f) {
            return NWFilterDocument.format(f);
        }
        if (def instanceof StoragePoolDef p) {
            return StorageDocument.formatPool(p, new XmlWriter(new XmlBuffer(), false, true, FORMATS));
        }
        if (def instanceof StorageVolDef v) {
            return StorageDocument.formatVolume(v, "dir", new XmlWriter(new XmlBuffer(), false, true, FORMATS));
        }
        if (def instanceof NetworkDef n) {
            return NetworkDocument.format(n, flags.contains(DomainXMLFlag.INACTIVE));
        }
        if (def instanceof NodeDeviceDef n) {
            return NodeDeviceDocument.format(n, flags.contains(DomainXMLFlag.INACTIVE));
        }
        if (def instanceof CapabilitiesDef c) {
            return capabilities(c, flags);
        }
        XmlBuffer b = new XmlBuffer();
        XmlWriter w = new XmlWriter(b, flags.contains(DomainXMLFlag.INACTIVE), flags.contains(DomainXMLFlag.SECURE),
                FORMATS);
        w.element(root, def);
        return b.toString();
    }

    /** virCapabilitiesFormatXML: an empty line after the start tag, the host and each guest. */
    private static String capabilities(CapabilitiesDef c, Set<DomainXMLFlag> flags) {
        XmlBuffer b = new XmlBuffer();
        XmlWriter w = new XmlWriter(b, flags.contains(DomainXMLFlag.INACTIVE), flags.contains(DomainXMLFlag.SECURE),
                FORMATS);
        b.open("capabilities").endOpen();
        b.blankLine();
        if (c.host != null) {
            w.element("host", c.host);
            b.blankLine();
        }
        for (CapabilitiesDef.Guest g : c.guests) {
            w.element("guest", g);
            b.blankLine();
        }
        b.close("capabilities");
        return b.toString();
    }

    private static Map<Class<?>, XmlWriter.ElementFormat<?>> formats() {
        Map<Class<?>, XmlWriter.ElementFormat<?>> m = new HashMap<>(DomainFormat.formats());
        return m;
    }
}
