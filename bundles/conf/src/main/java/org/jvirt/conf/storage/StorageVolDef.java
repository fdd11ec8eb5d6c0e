package org.jvirt.conf.storage;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <volume>}. */
@XmlRootElement(name = "volume")
public class StorageVolDef {
    @XmlAttribute
    public String type;
    public String name;
    public String key;
    public org.jvirt.conf.domain.MemorySize capacity;
    public org.jvirt.conf.domain.MemorySize allocation;
    public StorageVolDef.Target target;
    public StorageVolDef.BackingStore backingStore;
    public StorageVolDef.Source source;

    /** {@code <backingStore>}. */
    @XmlType(name = "")
    public static class BackingStore {
        public String path;
        public StorageVolDef.BackingStore.Format format;
        public StorageVolDef.BackingStore.Permissions permissions;

        /** {@code <format>}. */
        @XmlType(name = "")
        public static class Format {
            @XmlAttribute
            public String type;
        }

        /** {@code <permissions>}. */
        @XmlType(name = "")
        public static class Permissions {
            public String mode;
            public String owner;
            public String group;
            public String label;
        }
    }

    /** {@code <source>}. */
    @XmlType(name = "")
    public static class Source {
        public StorageVolDef.Source.Device device;

        /** {@code <device>}. */
        @XmlType(name = "")
        public static class Device {
            @XmlAttribute
            public String path;
            public StorageVolDef.Source.Device.Extent extent;

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

    /** {@code <target>}. */
    @XmlType(name = "")
    public static class Target {
        public String path;
        public StorageVolDef.Target.Format format;
        public StorageVolDef.Target.Permissions permissions;
        public StorageVolDef.Target.Encryption encryption;
        public String compat;
        public StorageVolDef.Target.Features features;
        public StorageVolDef.Target.Timestamps timestamps;

        /** {@code <encryption>}. */
        @XmlType(name = "")
        public static class Encryption {
            @XmlAttribute
            public String format;
            public StorageVolDef.Target.Encryption.Secret secret;
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
            }
        }

        /** {@code <features>}. */
        @XmlType(name = "")
        public static class Features {
            @XmlElement(name = "lazy_refcounts")
            public org.jvirt.conf.domain.Empty lazyRefcounts;
        }

        /** {@code <format>}. */
        @XmlType(name = "")
        public static class Format {
            @XmlAttribute
            public String type;
        }

        /** {@code <permissions>}. */
        @XmlType(name = "")
        public static class Permissions {
            public String mode;
            public String owner;
            public String group;
            public String label;
        }

        /** {@code <timestamps>}. */
        @XmlType(name = "")
        public static class Timestamps {
            public String atime;
            public String mtime;
            public String ctime;
        }
    }
}
