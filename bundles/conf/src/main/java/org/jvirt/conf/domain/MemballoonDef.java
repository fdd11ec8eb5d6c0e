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
    public MemballoonDef.Driver driver;
    public DeviceAcpi acpi;
    public Alias alias;
    public DeviceAddress address;

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
