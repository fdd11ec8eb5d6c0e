package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <interface type=''>}: a network interface. */
public class NetDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String trustGuestRxFilters;
    public Mac mac;
    public Source source;
    public Script script;
    public Target target;
    public Model model;
    public Link link;
    public Mtu mtu;
    public BootOrder boot;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <mac address='' type='' check=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Mac {
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String check;
    }

    /** {@code <source network='' bridge='' dev='' mode='' …/>}: which attributes count depends on the type. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Source {
        @XmlAttribute
        public String network;
        @XmlAttribute
        public String portgroup;
        @XmlAttribute
        public String bridge;
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String port;
        @XmlAttribute
        public String name;
    }

    /** {@code <script path=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Script {
        @XmlAttribute
        public String path;
    }

    /** {@code <target dev='' managed=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String managed;
    }

    /** {@code <model type=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Model {
        @XmlAttribute
        public String type;
    }

    /** {@code <link state=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Link {
        @XmlAttribute
        public String state;
    }

    /** {@code <mtu size=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Mtu {
        @XmlAttribute
        public String size;
    }
}
