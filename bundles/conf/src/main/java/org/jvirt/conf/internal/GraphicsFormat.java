package org.jvirt.conf.internal;

import org.jvirt.conf.domain.GraphicsDef;

/**
 * {@code <graphics>} as libvirt's virDomainGraphicsDefFormat writes it: which attributes appear depends on the
 * type and on the first listen; the password only in secure output; a network listen's address only live.
 */
final class GraphicsFormat {
    private GraphicsFormat() {
    }

    static void write(XmlWriter w, String name, GraphicsDef g) {
        XmlBuffer b = w.out();
        b.open(name).attr("type", g.type);
        GraphicsDef.Listen first = g.listens.isEmpty() ? null : g.listens.get(0);
        String firstType = first == null ? null : first.type;
        switch (g.type) {
            case "vnc" -> {
                if ("socket".equals(firstType)) {
                    b.attr("socket", first.socket);
                } else if (first != null && !"none".equals(firstType)) {
                    b.attr("port", g.port).attr("autoport", g.autoport).attr("websocket", g.websocket);
                    listenAttr(w, b, first);
                }
                b.attr("keymap", g.keymap).attr("sharePolicy", g.sharePolicy).attr("powerControl", g.powerControl);
                auth(w, b, g);
            }
            case "sdl" -> b.attr("display", g.display).attr("xauth", g.xauth).attr("fullscreen", g.fullscreen);
            case "rdp" -> {
                b.attr("port", g.port).attr("autoport", g.autoport).attr("replaceUser", g.replaceUser)
                        .attr("multiUser", g.multiUser);
                if (first != null) {
                    listenAttr(w, b, first);
                }
            }
            case "desktop" -> b.attr("display", g.display).attr("fullscreen", g.fullscreen);
            case "spice" -> {
                if ("address".equals(firstType) || "network".equals(firstType)) {
                    b.attr("port", g.port).attr("tlsPort", g.tlsPort).attr("autoport", g.autoport);
                    listenAttr(w, b, first);
                }
                b.attr("keymap", g.keymap).attr("defaultMode", g.defaultMode);
                auth(w, b, g);
            }
            case "dbus" -> b.attr("address", g.address).attr("p2p", g.p2p);
            default -> {
            }
        }
        boolean children = false;
        for (GraphicsDef.Listen l : g.listens) {
            children = open(b, children);
            b.open("listen").attr("type", l.type);
            if ("address".equals(l.type) || "network".equals(l.type) && !w.inactive()) {
                b.attr("address", l.address);
            }
            if ("network".equals(l.type)) {
                b.attr("network", l.network);
            }
            if ("socket".equals(l.type)) {
                b.attr("socket", l.socket);
            }
            b.endEmpty();
        }
        for (GraphicsDef.Channel c : g.channels) {
            children = open(b, children);
            w.element("channel", c);
        }
        Object[] spice = {g.image, g.jpeg, g.zlib, g.playback, g.streaming, g.mouse, g.clipboard, g.filetransfer,
            g.gl, g.audio};
        String[] names = {"image", "jpeg", "zlib", "playback", "streaming", "mouse", "clipboard", "filetransfer",
            "gl", "audio"};
        for (int i = 0; i < spice.length; i++) {
            if (spice[i] != null) {
                children = open(b, children);
                w.element(names[i], spice[i]);
            }
        }
        if (children) {
            b.close(name);
        } else {
            b.endEmpty();
        }
    }

    private static boolean open(XmlBuffer b, boolean children) {
        if (!children) {
            b.endOpen();
        }
        return true;
    }

    /** The legacy {@code listen} attribute mirrors the first listen's address (not a network's in inactive form). */
    private static void listenAttr(XmlWriter w, XmlBuffer b, GraphicsDef.Listen first) {
        if ("network".equals(first.type) && w.inactive()) {
            return;
        }
        if ("address".equals(first.type) || "network".equals(first.type)) {
            b.attr("listen", first.address);
        }
    }

    private static void auth(XmlWriter w, XmlBuffer b, GraphicsDef g) {
        b.attr("passwd", w.secure() ? g.passwd : null).attr("passwdValidTo", g.passwdValidTo)
                .attr("connected", g.connected);
    }
}
