package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <watchdog>}. */
public class WatchdogDef {
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String action;
    public DeviceAcpi acpi;
    public Alias alias;
    public DeviceAddress address;
}
