package org.jvirt.conf.internal;

import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.ChrSource;

/**
 * A character device ({@code <serial>}, {@code <parallel>}, {@code <console>}, {@code <channel>}) as libvirt's
 * virDomainChrDefFormat writes it: a pty's path and tty only in the live form, the target's attributes by the
 * device's kind.
 */
final class ChrFormat {
    private ChrFormat() {
    }

    static void write(XmlWriter w, String kind, ChrDef c) {
        XmlBuffer b = w.out();
        boolean pty = "pty".equals(c.type);
        boolean inactive = w.inactive();
        b.open(kind).attr("type", c.type).attr("tty", inactive || !pty ? null : c.tty).endOpen();
        for (ChrSource s : c.sources) {
            if (pty && (inactive || s.path == null)) {
                continue;
            }
            w.element("source", s);
        }
        w.element("protocol", c.protocol);
        w.element("log", c.log);
        ChrDef.Target t = c.target;
        if (t != null) {
            b.open("target").attr("type", t.type);
            if (kind.equals("channel")) {
                b.attr("name", t.name).attr("address", t.address).attr("port",
                        "guestfwd".equals(t.type) ? t.port : null).attr("state", inactive ? null : t.state);
            } else {
                b.attr("port", t.port);
            }
            if (t.model != null) {
                b.endOpen();
                w.element("model", t.model);
                b.close("target");
            } else {
                b.endEmpty();
            }
        }
        w.element("acpi", c.acpi);
        w.element("alias", c.alias);
        w.element("address", c.address);
        b.close(kind);
    }
}
