package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <boot order=''/>} of a device. */
public class BootOrder {
    @XmlAttribute
    public String order;
    @XmlAttribute
    public String loadparm;
}
