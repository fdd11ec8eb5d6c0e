package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <reconnect>}. */
public class Reconnect {
    @XmlAttribute
    public String enabled;
    @XmlAttribute
    public String timeout;
}
