package org.jvirt.conf.storage;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <pool>}. */
@XmlRootElement(name = "pool")
public class StoragePoolDef {
    @XmlAttribute
    public String type;
    public String name;
    public String uuid;
    public org.jvirt.conf.domain.MemorySize capacity;
    public org.jvirt.conf.domain.MemorySize allocation;
    public org.jvirt.conf.domain.MemorySize available;
    public StoragePoolDef.Features features;
    public StoragePoolDef.Source source;
    public StoragePoolDef.Target target;
    public StoragePoolDef.Refresh refresh;
    /** Elements of other namespaces: libvirt reads a filesystem pool's mount options and an RBD pool's config. */
    @jakarta.xml.bind.annotation.XmlAnyElement
    public List<org.w3c.dom.Element> namespaced = new ArrayList<>();

    /** {@code <features>}. */
    @XmlType(name = "")
    public static class Features {
        public StoragePoolDef.Features.Cow cow;

        /** {@code <cow>}. */
        @XmlType(name = "")
        public static class Cow {
            @XmlAttribute
            public String state;
        }
    }

    /** {@code <refresh>}. */
    @XmlType(name = "")
    public static class Refresh {
        public StoragePoolDef.Refresh.Volume volume;

        /** {@code <volume>}. */
        @XmlType(name = "")
        public static class Volume {
            @XmlAttribute
            public String allocation;
        }
    }

    /** {@code <source>}. */
    @XmlType(name = "")
    public static class Source {
        @XmlElement(name = "host")
        public List<StoragePoolDef.Source.Host> hosts = new ArrayList<>();
        @XmlElement(name = "device")
        public List<StoragePoolDef.Source.Device> devices = new ArrayList<>();
        public StoragePoolDef.Source.Dir dir;
        public String name;
        public StoragePoolDef.Source.Format format;
        public StoragePoolDef.Source.Initiator initiator;
        public StoragePoolDef.Source.Auth auth;
        public StoragePoolDef.Source.Vendor vendor;
        public StoragePoolDef.Source.Product product;
        public StoragePoolDef.Source.Protocol protocol;
        public StoragePoolDef.Source.Adapter adapter;

        /** {@code <adapter>}. */
        @XmlType(name = "")
        public static class Adapter {
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String parent;
            @XmlAttribute
            public String managed;
            @XmlAttribute
            public String wwnn;
            @XmlAttribute
            public String wwpn;
            @XmlAttribute(name = "parent_wwnn")
            public String parentWwnn;
            @XmlAttribute(name = "parent_wwpn")
            public String parentWwpn;
            @XmlAttribute(name = "parent_fabric_wwn")
            public String parentFabricWwn;
            @XmlAttribute
            public String name;
            public StoragePoolDef.Source.Adapter.Parentaddr parentaddr;

            /** {@code <parentaddr>}. */
            @XmlType(name = "")
            public static class Parentaddr {
                @XmlAttribute(name = "unique_id")
                public String uniqueId;
                public StoragePoolDef.Source.Adapter.Parentaddr.Address address;

                /** {@code <address>}. */
                @XmlType(name = "")
                public static class Address {
                    @XmlAttribute
                    public String domain;
                    @XmlAttribute
                    public String bus;
                    @XmlAttribute
                    public String slot;
                    @XmlAttribute
                    public String function;
                }
            }
        }

        /** {@code <auth>}. */
        @XmlType(name = "")
        public static class Auth {
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String username;
            public StoragePoolDef.Source.Auth.Secret secret;

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

        /** {@code <device>}. */
        @XmlType(name = "")
        public static class Device {
            @XmlAttribute
            public String path;
            @XmlAttribute(name = "part_separator")
            public String partSeparator;
            @XmlElement(name = "freeExtent")
            public List<StoragePoolDef.Source.Device.FreeExtent> freeExtents = new ArrayList<>();

            /** {@code <freeExtent>}. */
            @XmlType(name = "")
            public static class FreeExtent {
                @XmlAttribute
                public String start;
                @XmlAttribute
                public String end;
            }
        }

        /** {@code <dir>}. */
        @XmlType(name = "")
        public static class Dir {
            @XmlAttribute
            public String path;
        }

        /** {@code <format>}. */
        @XmlType(name = "")
        public static class Format {
            @XmlAttribute
            public String type;
        }

        /** {@code <host>}. */
        @XmlType(name = "")
        public static class Host {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String port;
        }

        /** {@code <initiator>}. */
        @XmlType(name = "")
        public static class Initiator {
            public StoragePoolDef.Source.Initiator.Iqn iqn;

            /** {@code <iqn>}. */
            @XmlType(name = "")
            public static class Iqn {
                @XmlAttribute
                public String name;
            }
        }

        /** {@code <product>}. */
        @XmlType(name = "")
        public static class Product {
            @XmlAttribute
            public String name;
        }

        /** {@code <protocol>}. */
        @XmlType(name = "")
        public static class Protocol {
            @XmlAttribute
            public String ver;
        }

        /** {@code <vendor>}. */
        @XmlType(name = "")
        public static class Vendor {
            @XmlAttribute
            public String name;
        }
    }

    /** {@code <target>}. */
    @XmlType(name = "")
    public static class Target {
        public String path;
        public StoragePermissions permissions;
    }
}
