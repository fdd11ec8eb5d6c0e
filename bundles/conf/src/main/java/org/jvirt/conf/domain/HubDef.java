package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <hub>}. */
public class HubDef {
    @XmlAttribute
    public String type;
    public Alias alias;
    public DeviceAddress address;
}
