package org.jvirt.conf.iface;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <interface>}. */
@XmlRootElement(name = "interface")
public class InterfaceDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String name;
    public InterfaceDef.Start start;
    public InterfaceDef.Mtu mtu;
    @XmlElement(name = "protocol")
    public List<InterfaceDef.Protocol> protocols = new ArrayList<>();
    public InterfaceDef.Link link;
    public InterfaceDef.Bond bond;
    public InterfaceDef.Bridge bridge;
    public InterfaceDef.Mac mac;
    public InterfaceDef.Vlan vlan;

    /** {@code <bond>}. */
    @XmlType(name = "")
    public static class Bond {
        @XmlAttribute
        public String mode;
        public InterfaceDef.Bond.Arpmon arpmon;
        public InterfaceDef.Bond.Miimon miimon;
        @XmlElement(name = "interface")
        public List<InterfaceDef> interfaces = new ArrayList<>();

        /** {@code <arpmon>}. */
        @XmlType(name = "")
        public static class Arpmon {
            @XmlAttribute
            public String interval;
            @XmlAttribute
            public String target;
            @XmlAttribute
            public String validate;
        }

        /** {@code <miimon>}. */
        @XmlType(name = "")
        public static class Miimon {
            @XmlAttribute
            public String freq;
            @XmlAttribute
            public String downdelay;
            @XmlAttribute
            public String updelay;
            @XmlAttribute
            public String carrier;
        }
    }

    /** {@code <bridge>}. */
    @XmlType(name = "")
    public static class Bridge {
        @XmlAttribute
        public String stp;
        @XmlAttribute
        public String delay;
        @XmlElement(name = "interface")
        public List<InterfaceDef> interfaces = new ArrayList<>();
    }

    /** {@code <link>}. */
    @XmlType(name = "")
    public static class Link {
        @XmlAttribute
        public String speed;
        @XmlAttribute
        public String state;
    }

    /** {@code <mac>}. */
    @XmlType(name = "")
    public static class Mac {
        @XmlAttribute
        public String address;
    }

    /** {@code <mtu>}. */
    @XmlType(name = "")
    public static class Mtu {
        @XmlAttribute
        public String size;
    }

    /** {@code <protocol>}. */
    @XmlType(name = "")
    public static class Protocol {
        @XmlAttribute
        public String family;
        public org.jvirt.conf.domain.Empty autoconf;
        public InterfaceDef.Protocol.Dhcp dhcp;
        @XmlElement(name = "ip")
        public List<InterfaceDef.Protocol.Ip> ips = new ArrayList<>();
        public InterfaceDef.Protocol.Route route;

        /** {@code <dhcp>}. */
        @XmlType(name = "")
        public static class Dhcp {
            @XmlAttribute
            public String peerdns;
        }

        /** {@code <ip>}. */
        @XmlType(name = "")
        public static class Ip {
            @XmlAttribute
            public String address;
            @XmlAttribute
            public String prefix;
        }

        /** {@code <route>}. */
        @XmlType(name = "")
        public static class Route {
            @XmlAttribute
            public String gateway;
        }
    }

    /** {@code <start>}. */
    @XmlType(name = "")
    public static class Start {
        @XmlAttribute
        public String mode;
    }

    /** {@code <vlan>}. */
    @XmlType(name = "")
    public static class Vlan {
        @XmlAttribute
        public String tag;
        @XmlElement(name = "interface")
        public InterfaceDef interfaceDef;
    }
}
