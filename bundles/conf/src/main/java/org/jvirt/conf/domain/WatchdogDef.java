package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <watchdog model='' action=''/>}. */
public class WatchdogDef {
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String action;
    public Alias alias;
    public DeviceAddress address;
}
