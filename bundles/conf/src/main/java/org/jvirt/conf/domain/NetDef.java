package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <interface>}. */
public class NetDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String managed;
    @XmlAttribute
    public String trustGuestRxFilters;
    public NetDef.Mac mac;
    public NetDef.Source source;
    public Vlan vlan;
    public VirtualPort virtualport;
    public Bandwidth bandwidth;
    public NetDef.Port port;
    @XmlElement(name = "ip")
    public List<NetIp> ips = new ArrayList<>();
    @XmlElement(name = "route")
    public List<NetRoute> routes = new ArrayList<>();
    @XmlElement(name = "portForward")
    public List<NetDef.PortForward> portForwards = new ArrayList<>();
    public NetDef.Script script;
    public NetDef.Downscript downscript;
    public NetDef.Backenddomain backenddomain;
    public NetDef.Target target;
    public NetDef.Guest guest;
    public NetDef.Model model;
    public NetDef.Driver driver;
    public NetDef.Backend backend;
    public NetDef.Filterref filterref;
    public NetDef.Tune tune;
    public NetDef.Teaming teaming;
    public NetDef.Link link;
    public NetDef.Mtu mtu;
    public NetDef.Coalesce coalesce;
    public BootOrder boot;
    public DeviceAcpi acpi;
    public Alias alias;
    public NetDef.Rom rom;
    public DeviceAddress address;

    /** {@code <backend>}. */
    @XmlType(name = "")
    public static class Backend {
        @XmlAttribute
        public String tap;
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String logFile;
        @XmlAttribute
        public String vhost;
    }

    /** {@code <backenddomain>}. */
    @XmlType(name = "")
    public static class Backenddomain {
        @XmlAttribute
        public String name;
    }

    /** {@code <coalesce>}. */
    @XmlType(name = "")
    public static class Coalesce {
        public NetDef.Coalesce.Rx rx;

        /** {@code <rx>}. */
        @XmlType(name = "")
        public static class Rx {
            public NetDef.Coalesce.Rx.Frames frames;

            /** {@code <frames>}. */
            @XmlType(name = "")
            public static class Frames {
                @XmlAttribute
                public String max;
            }
        }
    }

    /** {@code <downscript>}. */
    @XmlType(name = "")
    public static class Downscript {
        @XmlAttribute
        public String path;
    }

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String txmode;
        @XmlAttribute
        public String ioeventfd;
        @XmlAttribute(name = "event_idx")
        public String eventIdx;
        @XmlAttribute
        public String queues;
        @XmlAttribute
        public String rss;
        @XmlAttribute(name = "rss_hash_report")
        public String rssHashReport;
        @XmlAttribute(name = "rx_queue_size")
        public String rxQueueSize;
        @XmlAttribute(name = "tx_queue_size")
        public String txQueueSize;
        @XmlAttribute
        public String ats;
        @XmlAttribute
        public String iommu;
        @XmlAttribute
        public String packed;
    }

    /** {@code <filterref>}. */
    @XmlType(name = "")
    public static class Filterref {
        @XmlAttribute
        public String filter;
        @XmlElement(name = "parameter")
        public List<NetDef.Filterref.Parameter> parameters = new ArrayList<>();

        /** {@code <parameter>}. */
        @XmlType(name = "")
        public static class Parameter {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String value;
        }
    }

    /** {@code <guest>}. */
    @XmlType(name = "")
    public static class Guest {
        @XmlAttribute
        public String dev;
    }

    /** {@code <link>}. */
    @XmlType(name = "")
    public static class Link {
        @XmlAttribute
        public String state;
    }

    /** {@code <mac>}. */
    @XmlType(name = "")
    public static class Mac {
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String check;
        /**
         * Whether the parse generated {@link #address} because the document gave none (or all zeros, which libvirt
         * takes for none): libvirt's mac_generated, so that matching a device against a domain's ignores it.
         */
        @XmlTransient
        public boolean generated;
    }

    /** {@code <model>}. */
    @XmlType(name = "")
    public static class Model {
        @XmlAttribute
        public String type;
    }

    /** {@code <port>}. */
    @XmlType(name = "")
    public static class Port {
        @XmlAttribute
        public String isolated;
    }

    /** {@code <portForward>}. */
    @XmlType(name = "")
    public static class PortForward {
        @XmlAttribute
        public String proto;
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String dev;
        @XmlElement(name = "range")
        public List<NetDef.PortForward.Range> ranges = new ArrayList<>();

        /** {@code <range>}. */
        @XmlType(name = "")
        public static class Range {
            @XmlAttribute
            public String start;
            @XmlAttribute
            public String end;
            @XmlAttribute
            public String to;
            @XmlAttribute
            public String exclude;
        }
    }

    /** {@code <rom>}. */
    @XmlType(name = "")
    public static class Rom {
        @XmlAttribute
        public String file;
        @XmlAttribute
        public String bar;
    }

    /** {@code <script>}. */
    @XmlType(name = "")
    public static class Script {
        @XmlAttribute
        public String path;
    }

    /** {@code <source>}. */
    @XmlType(name = "")
    public static class Source {
        @XmlAttribute
        public String network;
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String port;
        @XmlAttribute
        public String bridge;
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String path;
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String portgroup;
        @XmlAttribute
        public String switchid;
        /** The network port made for a running domain: live state only. */
        @XmlAttribute
        @org.jvirt.conf.xml.Live
        public String portid;
        @XmlAttribute
        public String portgroupid;
        @XmlAttribute
        public String connectionid;
        @XmlElement(name = "ip")
        public List<NetIp> ips = new ArrayList<>();
        @XmlElement(name = "route")
        public List<NetRoute> routes = new ArrayList<>();
        @XmlElement(name = "address")
        public NetDef.Source.Address addressElement;
        public NetDef.Source.Local local;
        public Reconnect reconnect;

        /** {@code <address>}. */
        @XmlType(name = "")
        public static class Address {
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String domain;
            @XmlAttribute
            public String bus;
            @XmlAttribute
            public String slot;
            @XmlAttribute
            public String function;
        }

        /** {@code <local>}. */
        @XmlType(name = "")
        public static class Local {
            @XmlAttribute
            public String address;
            @XmlAttribute
            public String port;
        }
    }

    /** {@code <target>}. */
    @XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String managed;
    }

    /** {@code <teaming>}. */
    @XmlType(name = "")
    public static class Teaming {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String persistent;
    }

    /** {@code <mtu>}. */
    @XmlType(name = "")
    public static class Mtu {
        @XmlAttribute
        public String size;
    }

    /** {@code <tune>}. */
    @XmlType(name = "")
    public static class Tune {
        public String sndbuf;
    }
}
