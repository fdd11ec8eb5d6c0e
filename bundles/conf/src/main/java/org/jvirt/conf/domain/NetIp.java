package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <ip>}. */
public class NetIp {
    @XmlAttribute
    public String address;
    @XmlAttribute
    public String family;
    @XmlAttribute
    public String prefix;
    @XmlAttribute
    public String peer;
}
