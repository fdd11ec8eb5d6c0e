package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <sound model=''/>}. */
public class SoundDef {
    @XmlAttribute
    public String model;
    public Alias alias;
    public DeviceAddress address;
}
