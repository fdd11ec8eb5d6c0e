package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <boot>}. */
public class BootOrder {
    @XmlAttribute
    public String order;
    @XmlAttribute
    public String loadparm;
}
