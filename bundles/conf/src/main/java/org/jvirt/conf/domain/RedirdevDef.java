package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <redirdev>}. */
public class RedirdevDef {
    @XmlAttribute
    public String bus;
    @XmlAttribute
    public String type;
    public ChrSource source;
    public ChrProtocol protocol;
    public BootOrder boot;
    @XmlElement(name = "boot")
    public BootOrder bootElement;
    public Alias alias;
    public DeviceAddress address;
}
