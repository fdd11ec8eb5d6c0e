package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <input type='' bus=''/>}. */
public class InputDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String bus;
    @XmlAttribute
    public String model;
    public Alias alias;
    public DeviceAddress address;
}
