package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <source>}. */
public class ChrSource {
    @XmlAttribute
    public String mode;
    @XmlAttribute
    public String path;
    @XmlAttribute
    public String append;
    @XmlAttribute
    public String host;
    @XmlAttribute
    public String service;
    @XmlAttribute
    public String tls;
    @XmlAttribute
    public String channel;
    @XmlAttribute
    public String master;
    @XmlAttribute
    public String slave;
    public ChrSource.Clipboard clipboard;
    public ChrSource.Mouse mouse;
    public Reconnect reconnect;
    public DeviceSecLabel seclabel;

    /** {@code <clipboard>}. */
    @XmlType(name = "")
    public static class Clipboard {
        @XmlAttribute
        public String copypaste;
    }

    /** {@code <mouse>}. */
    @XmlType(name = "")
    public static class Mouse {
        @XmlAttribute
        public String mode;
    }
}
