package org.jvirt.conf.snapshot;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <domainsnapshot>}. */
@XmlRootElement(name = "domainsnapshot")
public class DomainSnapshotDef {
    public String name;
    public String description;
    public String state;
    public DomainSnapshotDef.Parent parent;
    public String creationTime;
    public DomainSnapshotDef.Memory memory;
    public DomainSnapshotDef.Disks disks;
    public org.jvirt.conf.domain.DomainDef domain;
    public String active;
    public org.jvirt.conf.domain.DomainDef inactiveDomain;
    public DomainSnapshotDef.Cookie cookie;

    /** {@code <cookie>}. */
    @XmlType(name = "")
    public static class Cookie {
        public DomainSnapshotDef.Cookie.Cpu cpu;
        public org.jvirt.conf.domain.Empty slirpHelper;

        /** {@code <cpu>}. */
        @XmlType(name = "")
        public static class Cpu {
            @XmlAttribute
            public String mode;
            @XmlAttribute
            public String match;
            @XmlAttribute
            public String check;
            public DomainSnapshotDef.Cookie.Cpu.Model model;
            @XmlElement(name = "feature")
            public List<DomainSnapshotDef.Cookie.Cpu.Feature> features = new ArrayList<>();

            /** {@code <feature>}. */
            @XmlType(name = "")
            public static class Feature {
                @XmlAttribute
                public String policy;
                @XmlAttribute
                public String name;
            }

            /** {@code <model>}. */
            @XmlType(name = "")
            public static class Model {
                @XmlAttribute
                public String fallback;
                @XmlValue
                public String value;
            }
        }
    }

    /** {@code <disks>}. */
    @XmlType(name = "")
    public static class Disks {
        @XmlElement(name = "disk")
        public List<DomainSnapshotDef.Disks.Disk> disks = new ArrayList<>();

        /** {@code <disk>}. */
        @XmlType(name = "")
        public static class Disk {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String snapshot;
            @XmlAttribute
            public String type;
            public DomainSnapshotDef.Disks.Disk.Driver driver;
            public org.jvirt.conf.domain.StorageSource source;

            /**
             * A disk snapshot's {@code <source>}, the name callers used before the source became libvirt's full
             * storage source ({@link org.jvirt.conf.domain.StorageSource}); it is one.
             */
            @jakarta.xml.bind.annotation.XmlTransient
            public static class Source extends org.jvirt.conf.domain.StorageSource {
            }

            /** {@code <driver>}. */
            @XmlType(name = "")
            public static class Driver {
                @XmlAttribute
                public String type;
                @XmlElement(name = "metadata_cache")
                public DomainSnapshotDef.Disks.Disk.Driver.MetadataCache metadataCache;

                /** {@code <metadata_cache>}. */
                @XmlType(name = "")
                public static class MetadataCache {
                    @XmlElement(name = "max_size")
                    public org.jvirt.conf.domain.MemorySize maxSize;
                }
            }
        }
    }

    /** {@code <memory>}. */
    @XmlType(name = "")
    public static class Memory {
        @XmlAttribute
        public String snapshot;
        @XmlAttribute
        public String file;
    }

    /** {@code <parent>}. */
    @XmlType(name = "")
    public static class Parent {
        public String name;
    }
}
