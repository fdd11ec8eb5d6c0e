package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <disk>}. */
public class DiskDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String device;
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String rawio;
    @XmlAttribute
    public String sgio;
    @XmlAttribute
    public String snapshot;
    public DiskDef.Driver driver;
    public StorageAuth auth;
    public StorageSource source;
    public BackingStore backingStore;
    public DiskDef.Backenddomain backenddomain;
    public DiskDef.Geometry geometry;
    public DiskDef.Blockio blockio;
    /** A block job's destination: live state only. */
    @org.jvirt.conf.xml.Live
    public DiskDef.Mirror mirror;
    public DiskDef.Target target;
    public DiskDef.Iotune iotune;
    public Empty readonly;
    public Empty shareable;
    @XmlElement(name = "transient")
    public DiskDef.Transient transientDisk;
    public String serial;
    public String wwn;
    public String vendor;
    public String product;
    public StorageEncryption encryption;
    public BootOrder boot;
    public DeviceAcpi acpi;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <backenddomain>}. */
    @XmlType(name = "")
    public static class Backenddomain {
        @XmlAttribute
        public String name;
    }

    /** {@code <blockio>}. */
    @XmlType(name = "")
    public static class Blockio {
        @XmlAttribute(name = "logical_block_size")
        public String logicalBlockSize;
        @XmlAttribute(name = "physical_block_size")
        public String physicalBlockSize;
        @XmlAttribute(name = "discard_granularity")
        public String discardGranularity;
    }

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String cache;
        @XmlAttribute(name = "error_policy")
        public String errorPolicy;
        @XmlAttribute(name = "rerror_policy")
        public String rerrorPolicy;
        @XmlAttribute
        public String io;
        @XmlAttribute
        public String ioeventfd;
        @XmlAttribute(name = "event_idx")
        public String eventIdx;
        @XmlAttribute(name = "copy_on_read")
        public String copyOnRead;
        @XmlAttribute
        public String discard;
        @XmlAttribute
        public String iothread;
        @XmlAttribute(name = "detect_zeroes")
        public String detectZeroes;
        @XmlAttribute
        public String queues;
        @XmlAttribute(name = "queue_size")
        public String queueSize;
        @XmlAttribute
        public String iommu;
        @XmlAttribute
        public String ats;
        @XmlAttribute
        public String packed;
        @XmlAttribute(name = "page_per_vq")
        public String pagePerVq;
        @XmlAttribute(name = "discard_no_unref")
        public String discardNoUnref;
        @XmlElement(name = "metadata_cache")
        public DiskDef.Driver.MetadataCache metadataCache;
        public DiskDef.Driver.Iothreads iothreads;

        /** {@code <iothreads>}. */
        @XmlType(name = "")
        public static class Iothreads {
            @XmlElement(name = "iothread")
            public List<DiskDef.Driver.Iothreads.Iothread> iothreads = new ArrayList<>();

            /** {@code <iothread>}. */
            @XmlType(name = "")
            public static class Iothread {
                @XmlAttribute
                public String id;
                @XmlElement(name = "queue")
                public List<DiskDef.Driver.Iothreads.Iothread.Queue> queues = new ArrayList<>();

                /** {@code <queue>}. */
                @XmlType(name = "")
                public static class Queue {
                    @XmlAttribute
                    public String id;
                }
            }
        }

        /** {@code <metadata_cache>}. */
        @XmlType(name = "")
        public static class MetadataCache {
            @XmlElement(name = "max_size")
            public MemorySize maxSize;
        }
    }

    /** {@code <geometry>}. */
    @XmlType(name = "")
    public static class Geometry {
        @XmlAttribute
        public String cyls;
        @XmlAttribute
        public String heads;
        @XmlAttribute
        public String secs;
        @XmlAttribute
        public String trans;
    }

    /** {@code <iotune>}. */
    @XmlType(name = "")
    public static class Iotune {
        @XmlElement(name = "total_bytes_sec")
        public String totalBytesSec;
        @XmlElement(name = "read_bytes_sec")
        public String readBytesSec;
        @XmlElement(name = "write_bytes_sec")
        public String writeBytesSec;
        @XmlElement(name = "total_iops_sec")
        public String totalIopsSec;
        @XmlElement(name = "read_iops_sec")
        public String readIopsSec;
        @XmlElement(name = "write_iops_sec")
        public String writeIopsSec;
        @XmlElement(name = "total_bytes_sec_max")
        public String totalBytesSecMax;
        @XmlElement(name = "read_bytes_sec_max")
        public String readBytesSecMax;
        @XmlElement(name = "write_bytes_sec_max")
        public String writeBytesSecMax;
        @XmlElement(name = "total_iops_sec_max")
        public String totalIopsSecMax;
        @XmlElement(name = "read_iops_sec_max")
        public String readIopsSecMax;
        @XmlElement(name = "write_iops_sec_max")
        public String writeIopsSecMax;
        @XmlElement(name = "size_iops_sec")
        public String sizeIopsSec;
        @XmlElement(name = "group_name")
        public String groupName;
        @XmlElement(name = "total_bytes_sec_max_length")
        public String totalBytesSecMaxLength;
        @XmlElement(name = "read_bytes_sec_max_length")
        public String readBytesSecMaxLength;
        @XmlElement(name = "write_bytes_sec_max_length")
        public String writeBytesSecMaxLength;
        @XmlElement(name = "total_iops_sec_max_length")
        public String totalIopsSecMaxLength;
        @XmlElement(name = "read_iops_sec_max_length")
        public String readIopsSecMaxLength;
        @XmlElement(name = "write_iops_sec_max_length")
        public String writeIopsSecMaxLength;
    }

    /** {@code <mirror>}. */
    @XmlType(name = "")
    public static class Mirror {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String file;
        @XmlAttribute
        public String format;
        @XmlAttribute
        public String job;
        @XmlAttribute
        public String ready;
        @XmlElement(name = "format")
        public StorageFormat formatElement;
        public StorageSource source;
        public BackingStore backingStore;
    }

    /** {@code <target>}. */
    @XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String bus;
        @XmlAttribute
        public String tray;
        @XmlAttribute
        public String removable;
        @XmlAttribute(name = "rotation_rate")
        public String rotationRate;
    }

    /** {@code <transient>}. */
    @XmlType(name = "")
    public static class Transient {
        @XmlAttribute
        public String shareBacking;
    }
}
