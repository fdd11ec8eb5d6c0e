package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <memballoon>}. */
public class MemballoonDef {
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String autodeflate;
    @XmlAttribute
    public String freePageReporting;
    public MemballoonDef.Stats stats;
    public DeviceAcpi acpi;
    public Alias alias;
    public DeviceAddress address;
    /** Written after the address, as libvirt writes a device's virtio options. */
    public MemballoonDef.Driver driver;

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String ats;
        @XmlAttribute
        public String iommu;
        @XmlAttribute
        public String packed;
    }

    /** {@code <stats>}. */
    @XmlType(name = "")
    public static class Stats {
        @XmlAttribute
        public String period;
    }
}
