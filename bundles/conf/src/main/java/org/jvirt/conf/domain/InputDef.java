package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <input>}. */
public class InputDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String bus;
    @XmlAttribute
    public String model;
    public InputDef.Source source;
    public InputDef.Driver driver;
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

    /** {@code <source>}. */
    @XmlType(name = "")
    public static class Source {
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String grab;
        @XmlAttribute
        public String grabToggle;
        @XmlAttribute
        public String repeat;
        @XmlAttribute
        public String evdev;
    }
}
