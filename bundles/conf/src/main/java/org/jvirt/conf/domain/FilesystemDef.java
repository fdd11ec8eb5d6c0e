package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <filesystem>}. */
public class FilesystemDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String accessmode;
    @XmlAttribute
    public String fmode;
    @XmlAttribute
    public String dmode;
    @XmlAttribute
    public String multidevs;
    @XmlAttribute
    public String model;
    public FilesystemDef.Driver driver;
    public FilesystemDef.Binary binary;
    public FilesystemDef.Source source;
    public FilesystemDef.Target target;
    public Empty readonly;
    public BootOrder boot;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <binary>}. */
    @XmlType(name = "")
    public static class Binary {
        @XmlAttribute
        public String path;
    }

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String wrpolicy;
        @XmlAttribute
        public String queue;
        @XmlAttribute
        public String ats;
        @XmlAttribute
        public String iommu;
        @XmlAttribute
        public String packed;
        @XmlAttribute
        public String format;
    }

    /** {@code <source>}. */
    @XmlType(name = "")
    public static class Source {
        @XmlAttribute
        public String dir;
        @XmlAttribute
        public String socket;
        @XmlAttribute
        public String usage;
        @XmlAttribute
        public String units;
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String file;
    }

    /** {@code <target>}. */
    @XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String dir;
    }
}
