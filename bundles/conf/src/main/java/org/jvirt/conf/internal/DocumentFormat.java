package org.jvirt.conf.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.iface.InterfaceDef;

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
        XmlBuffer b = new XmlBuffer();
        XmlWriter w = new XmlWriter(b, flags.contains(DomainXMLFlag.INACTIVE), flags.contains(DomainXMLFlag.SECURE),
                FORMATS);
        w.element(root, def);
        return b.toString();
    }

    private static Map<Class<?>, XmlWriter.ElementFormat<?>> formats() {
        Map<Class<?>, XmlWriter.ElementFormat<?>> m = new HashMap<>(DomainFormat.formats());
        return m;
    }
}
