package org.jvirt.conf.nodedev;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <device>}. */
@XmlRootElement(name = "device")
public class NodeDeviceDef {
    public String name;
    public String path;
    @XmlElement(name = "devnode")
    public List<NodeDeviceDef.Devnode> devnodes = new ArrayList<>();
    public String parent;
    public NodeDeviceDef.Driver driver;
    @XmlElement(name = "capability")
    public List<NodeDeviceDef.Capability> capabilities = new ArrayList<>();
    /**
     * The first {@code <capability>}, for callers written when the model had one: setting it replaces (or, null,
     * removes) the first of {@link #capabilities} when conf next parses or formats the document.
     */
    @XmlTransient
    public NodeDeviceDef.Capability capability;
    @XmlTransient
    private NodeDeviceDef.Capability capabilitySynced;

    /** Applies a change of {@link #capability} to {@link #capabilities}, then points it at the first one. */
    public void syncFirstViews() {
        if (capability != capabilitySynced) {
            org.jvirt.conf.xml.FirstOf.apply(capabilities, capability);
        }
        capability = capabilities.isEmpty() ? null : capabilities.get(0);
        capabilitySynced = capability;
    }

    /** {@code <capability>}. */
    @XmlType(name = "")
    public static class Capability {
        @XmlAttribute
        public String type;
        public String block;
        @XmlElement(name = "ap-adapter")
        public String apAdapter;
        @XmlElement(name = "ap-domain")
        public String apDomain;
        public String cssid;
        public String ssid;
        public String devno;
        @XmlElement(name = "channel_dev_addr")
        public NodeDeviceDef.Capability.ChannelDevAddr channelDevAddr;
        public String host;
        @XmlElement(name = "unique_id")
        public String uniqueId;
        @XmlElement(name = "interface")
        public String interfaceDef;
        public String address;
        @XmlElement(name = "feature")
        public List<NodeDeviceDef.Capability.Feature> features = new ArrayList<>();
        @XmlElement(name = "class")
        public String classDef;
        public String domain;
        public String bus;
        @XmlElement(name = "drive_type")
        public String driveType;
        public String model;
        public String slot;
        public String function;
        public NodeDeviceDef.Capability.Product product;
        public NodeDeviceDef.Capability.Vendor vendor;
        public String target;
        @XmlElement(name = "capability")
        public List<NodeDeviceDef.Capability.NestedCapability> capabilities = new ArrayList<>();
        public String lun;
        @XmlElement(name = "type")
        public NodeDeviceDef.Capability.Type typeElement;
        public String uuid;
        public NodeDeviceDef.Capability.IommuGroup iommuGroup;
        @XmlElement(name = "attr")
        public List<NodeDeviceDef.Capability.Attr> attrs = new ArrayList<>();
        public NodeDeviceDef.Capability.Numa numa;
        @XmlElement(name = "pci-express")
        public NodeDeviceDef.Capability.PciExpress pciExpress;
        public String serial;
        public String size;
        @XmlElement(name = "logical_block_size")
        public String logicalBlockSize;
        @XmlElement(name = "num_blocks")
        public String numBlocks;
        @XmlElement(name = "parent_addr")
        public String parentAddr;
        public String number;
        public String subclass;
        public String protocol;
        /** A USB device's number on its bus. */
        public String device;
        /** A USB interface's description. */
        public String description;
        /** A network interface's link state and speed. */
        public NodeDeviceDef.Capability.Link link;
        /** The system's hardware ({@code system} capability). */
        public NodeDeviceDef.Capability.Hardware hardware;
        /** The system's firmware ({@code system} capability). */
        public NodeDeviceDef.Capability.Firmware firmware;
        /** A SCSI generic device's character device. */
        @XmlElement(name = "char")
        public String charDevice;
        /** A vDPA device's character device. */
        public String chardev;

        /** {@code <link>}. */
        @XmlType(name = "")
        public static class Link {
            @XmlAttribute
            public String speed;
            @XmlAttribute
            public String state;
        }

        /** {@code <hardware>}. */
        @XmlType(name = "")
        public static class Hardware {
            public String vendor;
            public String version;
            public String serial;
            public String uuid;
        }

        /** {@code <firmware>}. */
        @XmlType(name = "")
        public static class Firmware {
            public String vendor;
            public String version;
            @XmlElement(name = "release_date")
            public String releaseDate;
        }

        /** {@code <attr>}. */
        @XmlType(name = "")
        public static class Attr {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String value;
        }

        /** {@code <capability>}. */
        @XmlType(name = "")
        public static class NestedCapability {
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String maxCount;
            @XmlElement(name = "media_available")
            public String mediaAvailable;
            @XmlElement(name = "media_size")
            public String mediaSize;
            @XmlElement(name = "type")
            public List<NodeDeviceDef.Capability.NestedCapability.Type> types = new ArrayList<>();
            public String wwnn;
            @XmlElement(name = "max_vports")
            public String maxVports;
            public String vports;
            @XmlElement(name = "address")
            public List<NodeDeviceDef.Capability.NestedCapability.Address> addresses = new ArrayList<>();
            public String rport;
            public String wwpn;
            @XmlElement(name = "fabric_wwn")
            public String fabricWwn;
            @XmlElement(name = "media_label")
            public String mediaLabel;
            @XmlElement(name = "logical_block_size")
            public String logicalBlockSize;
            @XmlElement(name = "num_blocks")
            public String numBlocks;
            public String name;
            @XmlElement(name = "fields")
            public List<NodeDeviceDef.Capability.NestedCapability.Fields> fieldses = new ArrayList<>();

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

            /** {@code <fields>}. */
            @XmlType(name = "")
            public static class Fields {
                @XmlAttribute
                public String access;
                @XmlElement(name = "change_level")
                public String changeLevel;
                @XmlElement(name = "manufacture_id")
                public String manufactureId;
                @XmlElement(name = "part_number")
                public String partNumber;
                @XmlElement(name = "serial_number")
                public String serialNumber;
                @XmlElement(name = "vendor_field")
                public List<NodeDeviceDef.Capability.NestedCapability.Fields.VendorField> vendorFields = new ArrayList<>();
                @XmlElement(name = "asset_tag")
                public String assetTag;
                @XmlElement(name = "system_field")
                public List<NodeDeviceDef.Capability.NestedCapability.Fields.SystemField> systemFields = new ArrayList<>();

                /** {@code <system_field>}. */
                @XmlType(name = "")
                public static class SystemField {
                    @XmlAttribute
                    public String index;
                    @XmlValue
                    public String value;
                }

                /** {@code <vendor_field>}. */
                @XmlType(name = "")
                public static class VendorField {
                    @XmlAttribute
                    public String index;
                    @XmlValue
                    public String value;
                }
            }

            /** {@code <type>}. */
            @XmlType(name = "")
            public static class Type {
                @XmlAttribute
                public String id;
                public String name;
                public String deviceAPI;
                public String availableInstances;
            }
        }

        /** {@code <channel_dev_addr>}. */
        @XmlType(name = "")
        public static class ChannelDevAddr {
            public String cssid;
            public String ssid;
            public String devno;
        }

        /** {@code <feature>}. */
        @XmlType(name = "")
        public static class Feature {
            @XmlAttribute
            public String name;
        }

        /** {@code <iommuGroup>}. */
        @XmlType(name = "")
        public static class IommuGroup {
            @XmlAttribute
            public String number;
            @XmlElement(name = "address")
            public List<NodeDeviceDef.Capability.IommuGroup.Address> addresses = new ArrayList<>();

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

        /** {@code <numa>}. */
        @XmlType(name = "")
        public static class Numa {
            @XmlAttribute
            public String node;
        }

        /** {@code <pci-express>}. */
        @XmlType(name = "")
        public static class PciExpress {
            @XmlElement(name = "link")
            public List<NodeDeviceDef.Capability.PciExpress.Link> links = new ArrayList<>();

            /** {@code <link>}. */
            @XmlType(name = "")
            public static class Link {
                @XmlAttribute
                public String validity;
                @XmlAttribute
                public String port;
                @XmlAttribute
                public String speed;
                @XmlAttribute
                public String width;
            }
        }

        /** {@code <product>}. */
        @XmlType(name = "")
        public static class Product {
            @XmlAttribute
            public String id;
            @XmlValue
            public String value;
        }

        /** {@code <type>}. */
        @XmlType(name = "")
        public static class Type {
            @XmlAttribute
            public String id;
            @XmlValue
            public String value;
        }

        /** {@code <vendor>}. */
        @XmlType(name = "")
        public static class Vendor {
            @XmlAttribute
            public String id;
            @XmlValue
            public String value;
        }
    }

    /** {@code <devnode>}. */
    @XmlType(name = "")
    public static class Devnode {
        @XmlAttribute
        public String type;
        @XmlValue
        public String value;
    }

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        public String name;
    }
}
