package org.jvirt.conf.storage;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <volume>}. After parsing, sizes are in bytes ({@code unit='bytes'}) and the format is the pool type's
 * (a volume is read for a pool: see {@code org.jvirt.conf.StorageXml}).
 */
@XmlRootElement(name = "volume")
public class StorageVolDef {
    @XmlAttribute
    public String type;
    public String name;
    public String key;
    public StorageVolDef.Source source;
    public org.jvirt.conf.domain.MemorySize capacity;
    public org.jvirt.conf.domain.MemorySize allocation;
    /** The size the volume takes on its host, reported by the driver (never read from a document). */
    public org.jvirt.conf.domain.MemorySize physical;
    public StorageVolDef.Target target;
    public StorageVolDef.Target backingStore;

    /** {@code <source>}: the extents a volume takes on its pool's devices (reported by the driver). */
    @XmlType(name = "")
    public static class Source {
        @XmlElement(name = "device")
        public List<StorageVolDef.Source.Device> devices = new ArrayList<>();

        /** {@code <device>}. */
        @XmlType(name = "")
        public static class Device {
            @XmlAttribute
            public String path;
            @XmlElement(name = "extent")
            public List<StorageVolDef.Source.Device.Extent> extents = new ArrayList<>();

            /** {@code <extent>}. */
            @XmlType(name = "")
            public static class Extent {
                @XmlAttribute
                public String start;
                @XmlAttribute
                public String end;
            }
        }
    }

    /** {@code <target>} or {@code <backingStore>}. */
    @XmlType(name = "")
    public static class Target {
        public String path;
        public StorageVolDef.Target.Format format;
        public StoragePermissions permissions;
        public StorageVolDef.Target.Timestamps timestamps;
        public StorageVolDef.Target.Encryption encryption;
        public String compat;
        public org.jvirt.conf.domain.Empty nocow;
        public org.jvirt.conf.domain.MemorySize clusterSize;
        public StorageVolDef.Target.Features features;

        /** {@code <encryption>}. */
        @XmlType(name = "")
        public static class Encryption {
            @XmlAttribute
            public String format;
            @XmlElement(name = "secret")
            public List<StorageVolDef.Target.Encryption.Secret> secrets = new ArrayList<>();
            public StorageVolDef.Target.Encryption.Cipher cipher;
            public StorageVolDef.Target.Encryption.Ivgen ivgen;

            /** {@code <cipher>}. */
            @XmlType(name = "")
            public static class Cipher {
                @XmlAttribute
                public String name;
                @XmlAttribute
                public String size;
                @XmlAttribute
                public String mode;
                @XmlAttribute
                public String hash;
            }

            /** {@code <ivgen>}. */
            @XmlType(name = "")
            public static class Ivgen {
                @XmlAttribute
                public String name;
                @XmlAttribute
                public String hash;
            }

            /** {@code <secret>}. */
            @XmlType(name = "")
            public static class Secret {
                @XmlAttribute
                public String type;
                @XmlAttribute
                public String uuid;
                @XmlAttribute
                public String usage;
            }
        }

        /** {@code <features>}. */
        @XmlType(name = "")
        public static class Features {
            @XmlElement(name = "lazy_refcounts")
            public org.jvirt.conf.domain.Empty lazyRefcounts;
            @XmlElement(name = "extended_l2")
            public org.jvirt.conf.domain.Empty extendedL2;
        }

        /** {@code <format>}. */
        @XmlType(name = "")
        public static class Format {
            @XmlAttribute
            public String type;
        }

        /** {@code <timestamps>} (reported by the driver). */
        @XmlType(name = "")
        public static class Timestamps {
            public String atime;
            public String mtime;
            public String ctime;
            public String btime;
        }
    }
}
