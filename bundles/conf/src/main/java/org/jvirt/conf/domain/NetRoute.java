package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <route>}. */
public class NetRoute {
    @XmlAttribute
    public String family;
    @XmlAttribute
    public String address;
    @XmlAttribute
    public String prefix;
    @XmlAttribute
    public String gateway;
}
