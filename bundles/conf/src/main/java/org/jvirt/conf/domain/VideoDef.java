package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <video>}. */
public class VideoDef {
    public VideoDef.Driver driver;
    public VideoDef.Model model;
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
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String vgaconf;
    }

    /** {@code <model>}. */
    @XmlType(name = "")
    public static class Model {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String ram;
        @XmlAttribute
        public String vram;
        @XmlAttribute
        public String vram64;
        @XmlAttribute
        public String vgamem;
        @XmlAttribute
        public String heads;
        @XmlAttribute
        public String primary;
        @XmlAttribute
        public String blob;
        public VideoDef.Model.Resolution resolution;
        public VideoDef.Model.Acceleration acceleration;

        /** {@code <acceleration>}. */
        @XmlType(name = "")
        public static class Acceleration {
            @XmlAttribute(name = "accel3d")
            public String accel3d;
            @XmlAttribute
            public String rendernode;
            @XmlAttribute(name = "accel2d")
            public String accel2d;
        }

        /** {@code <resolution>}. */
        @XmlType(name = "")
        public static class Resolution {
            @XmlAttribute
            public String x;
            @XmlAttribute
            public String y;
        }
    }
}
