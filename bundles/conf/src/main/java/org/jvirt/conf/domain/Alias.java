package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <alias name=''/>}. */
public class Alias {
    @XmlAttribute
    public String name;
}
