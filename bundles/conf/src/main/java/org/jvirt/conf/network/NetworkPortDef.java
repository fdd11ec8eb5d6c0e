package org.jvirt.conf.network;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <networkport>}. */
@XmlRootElement(name = "networkport")
public class NetworkPortDef {
    public String uuid;
    public NetworkPortDef.Owner owner;
    public String group;
    public NetworkPortDef.Mac mac;
    public NetworkPortDef.Bandwidth bandwidth;
    public NetworkPortDef.Virtualport virtualport;
    public NetworkPortDef.Vlan vlan;
    public NetworkPortDef.Port port;
    public NetworkPortDef.Rxfilters rxfilters;
    public NetworkPortDef.Plug plug;

    /** {@code <bandwidth>}. */
    @XmlType(name = "")
    public static class Bandwidth {
        @XmlAttribute
        public String classID;
        public NetworkPortDef.Bandwidth.Inbound inbound;
        public NetworkPortDef.Bandwidth.Outbound outbound;

        /** {@code <inbound>}. */
        @XmlType(name = "")
        public static class Inbound {
            @XmlAttribute
            public String average;
            @XmlAttribute
            public String peak;
            @XmlAttribute
            public String floor;
            @XmlAttribute
            public String burst;
        }

        /** {@code <outbound>}. */
        @XmlType(name = "")
        public static class Outbound {
            @XmlAttribute
            public String average;
            @XmlAttribute
            public String peak;
            @XmlAttribute
            public String burst;
        }
    }

    /** {@code <mac>}. */
    @XmlType(name = "")
    public static class Mac {
        @XmlAttribute
        public String address;
    }

    /** {@code <owner>}. */
    @XmlType(name = "")
    public static class Owner {
        public String name;
        public String uuid;
    }

    /** {@code <plug>}. */
    @XmlType(name = "")
    public static class Plug {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String bridge;
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String managed;
        public NetworkPortDef.Plug.Address address;

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

    /** {@code <port>}. */
    @XmlType(name = "")
    public static class Port {
        @XmlAttribute
        public String isolated;
    }

    /** {@code <rxfilters>}. */
    @XmlType(name = "")
    public static class Rxfilters {
        @XmlAttribute
        public String trustGuest;
    }

    /** {@code <virtualport>}. */
    @XmlType(name = "")
    public static class Virtualport {
        @XmlAttribute
        public String type;
        public NetworkPortDef.Virtualport.Parameters parameters;

        /** {@code <parameters>}. */
        @XmlType(name = "")
        public static class Parameters {
            @XmlAttribute
            public String managerid;
            @XmlAttribute
            public String typeid;
            @XmlAttribute
            public String typeidversion;
        }
    }

    /** {@code <vlan>}. */
    @XmlType(name = "")
    public static class Vlan {
        @XmlAttribute
        public String trunk;
        @XmlElement(name = "tag")
        public List<NetworkPortDef.Vlan.Tag> tags = new ArrayList<>();

        /** {@code <tag>}. */
        @XmlType(name = "")
        public static class Tag {
            @XmlAttribute
            public String id;
        }
    }
}
