package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <alias>}. */
public class Alias {
    @XmlAttribute
    public String name;
}
