package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** A character device: {@code <serial>}, {@code <parallel>}, {@code <console>} or {@code <channel>}. */
public class ChrDef {
    @XmlAttribute
    public String type;
    /** The pty a running guest's device got: live state, never kept in a definition. */
    @XmlAttribute
    public String tty;
    @XmlElement(name = "source")
    public List<Source> sources = new ArrayList<>();
    public Protocol protocol;
    public Target target;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <source mode='' path='' host='' service=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Source {
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String path;
        @XmlAttribute
        public String host;
        @XmlAttribute
        public String service;
        @XmlAttribute
        public String append;
        @XmlAttribute
        public String tls;
    }

    /** {@code <protocol type=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Protocol {
        @XmlAttribute
        public String type;
    }

    /** {@code <target type='' port='' name='' address=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String port;
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String state;
    }

    /** A copy, as libvirt copies a console into a serial port and back. */
    public ChrDef copy() {
        ChrDef c = new ChrDef();
        c.type = type;
        for (Source s : sources) {
            Source n = new Source();
            n.mode = s.mode;
            n.path = s.path;
            n.host = s.host;
            n.service = s.service;
            n.append = s.append;
            n.tls = s.tls;
            c.sources.add(n);
        }
        if (protocol != null) {
            c.protocol = new Protocol();
            c.protocol.type = protocol.type;
        }
        return c;
    }
}
