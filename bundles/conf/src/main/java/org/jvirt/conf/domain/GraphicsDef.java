package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <graphics type=''>}: a display (vnc, spice, sdl, rdp, desktop). */
public class GraphicsDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String socket;
    @XmlAttribute
    public String port;
    @XmlAttribute
    public String tlsPort;
    @XmlAttribute
    public String autoport;
    @XmlAttribute
    public String websocket;
    @XmlAttribute
    public String listen;
    @XmlAttribute
    public String keymap;
    @XmlAttribute
    public String sharePolicy;
    @XmlAttribute
    public String passwd;
    @XmlAttribute
    public String passwdValidTo;
    @XmlAttribute
    public String connected;
    @XmlAttribute
    public String display;
    @XmlAttribute
    public String xauth;
    @XmlAttribute
    public String fullscreen;
    @XmlAttribute
    public String multiUser;
    @XmlAttribute
    public String replaceUser;
    @XmlElement(name = "listen")
    public List<Listen> listens = new ArrayList<>();

    /** {@code <listen type='' address='' network='' socket=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Listen {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String network;
        @XmlAttribute
        public String socket;
    }
}
