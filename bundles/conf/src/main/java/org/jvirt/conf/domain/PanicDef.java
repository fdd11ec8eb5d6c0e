package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <panic>}. */
public class PanicDef {
    @XmlAttribute
    public String model;
    public Alias alias;
    public DeviceAddress address;
}
