package org.jvirt.conf.network;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <network>}. */
@XmlRootElement(name = "network")
public class NetworkDef {
    @XmlAttribute
    public String ipv6;
    @XmlAttribute
    public String trustGuestRxFilters;
    public String name;
    public String uuid;
    public org.jvirt.conf.domain.Metadata metadata;
    public NetworkDef.Forward forward;
    public NetworkDef.Vlan vlan;
    public NetworkDef.Virtualport virtualport;
    public NetworkDef.Bridge bridge;
    public NetworkDef.Port port;
    public NetworkDef.Mtu mtu;
    public NetworkDef.Mac mac;
    public NetworkDef.Dns dns;
    @XmlElement(name = "ip")
    public List<NetworkDef.Ip> ips = new ArrayList<>();
    @XmlElement(name = "route")
    public List<NetworkDef.Route> routes = new ArrayList<>();
    @XmlElement(name = "portgroup")
    public List<NetworkDef.Portgroup> portgroups = new ArrayList<>();
    public NetworkDef.Domain domain;

    /** {@code <bridge>}. */
    @XmlType(name = "")
    public static class Bridge {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String macTableManager;
        @XmlAttribute
        public String zone;
        @XmlAttribute
        public String stp;
        @XmlAttribute
        public String delay;
    }

    /** {@code <dns>}. */
    @XmlType(name = "")
    public static class Dns {
        @XmlAttribute
        public String forwardPlainNames;
        @XmlAttribute
        public String enable;
        @XmlElement(name = "forwarder")
        public List<NetworkDef.Dns.Forwarder> forwarders = new ArrayList<>();
        @XmlElement(name = "host")
        public List<NetworkDef.Dns.Host> hosts = new ArrayList<>();
        @XmlElement(name = "srv")
        public List<NetworkDef.Dns.Srv> srvs = new ArrayList<>();
        public NetworkDef.Dns.Txt txt;

        /** {@code <forwarder>}. */
        @XmlType(name = "")
        public static class Forwarder {
            @XmlAttribute
            public String domain;
            @XmlAttribute
            public String addr;
        }

        /** {@code <host>}. */
        @XmlType(name = "")
        public static class Host {
            @XmlAttribute
            public String ip;
            @XmlElement(name = "hostname")
            public List<String> hostnames = new ArrayList<>();
        }

        /** {@code <srv>}. */
        @XmlType(name = "")
        public static class Srv {
            @XmlAttribute
            public String service;
            @XmlAttribute
            public String protocol;
            @XmlAttribute
            public String domain;
            @XmlAttribute
            public String target;
            @XmlAttribute
            public String port;
            @XmlAttribute
            public String priority;
            @XmlAttribute
            public String weight;
        }

        /** {@code <txt>}. */
        @XmlType(name = "")
        public static class Txt {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String value;
        }
    }

    /** {@code <domain>}. */
    @XmlType(name = "")
    public static class Domain {
        @XmlAttribute
        public String name;
    }

    /** {@code <forward>}. */
    @XmlType(name = "")
    public static class Forward {
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String managed;
        public NetworkDef.Forward.Driver driver;
        public NetworkDef.Forward.Pf pf;
        @XmlElement(name = "address")
        public List<NetworkDef.Forward.Address> addresses = new ArrayList<>();
        public NetworkDef.Forward.Nat nat;
        @XmlElement(name = "interface")
        public List<NetworkDef.Forward.Interface> interfaces = new ArrayList<>();

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

        /** {@code <driver>}. */
        @XmlType(name = "")
        public static class Driver {
            @XmlAttribute
            public String model;
        }

        /** {@code <interface>}. */
        @XmlType(name = "")
        public static class Interface {
            @XmlAttribute
            public String dev;
        }

        /** {@code <nat>}. */
        @XmlType(name = "")
        public static class Nat {
            @XmlAttribute
            public String ipv6;
            public NetworkDef.Forward.Nat.Address address;
            public NetworkDef.Forward.Nat.Port port;

            /** {@code <address>}. */
            @XmlType(name = "")
            public static class Address {
                @XmlAttribute
                public String start;
                @XmlAttribute
                public String end;
            }

            /** {@code <port>}. */
            @XmlType(name = "")
            public static class Port {
                @XmlAttribute
                public String start;
                @XmlAttribute
                public String end;
            }
        }

        /** {@code <pf>}. */
        @XmlType(name = "")
        public static class Pf {
            @XmlAttribute
            public String dev;
        }
    }

    /** {@code <ip>}. */
    @XmlType(name = "")
    public static class Ip {
        @XmlAttribute
        public String family;
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String netmask;
        @XmlAttribute
        public String prefix;
        public NetworkDef.Ip.Dhcp dhcp;
        public NetworkDef.Ip.Tftp tftp;

        /** {@code <dhcp>}. */
        @XmlType(name = "")
        public static class Dhcp {
            public NetworkDef.Ip.Dhcp.Range range;
            @XmlElement(name = "host")
            public List<NetworkDef.Ip.Dhcp.Host> hosts = new ArrayList<>();
            public NetworkDef.Ip.Dhcp.Bootp bootp;

            /** {@code <bootp>}. */
            @XmlType(name = "")
            public static class Bootp {
                @XmlAttribute
                public String file;
                @XmlAttribute
                public String server;
            }

            /** {@code <host>}. */
            @XmlType(name = "")
            public static class Host {
                @XmlAttribute
                public String mac;
                @XmlAttribute
                public String id;
                @XmlAttribute
                public String name;
                @XmlAttribute
                public String ip;
                public NetworkDef.Ip.Dhcp.Host.Lease lease;

                /** {@code <lease>}. */
                @XmlType(name = "")
                public static class Lease {
                    @XmlAttribute
                    public String expiry;
                    @XmlAttribute
                    public String unit;
                }
            }

            /** {@code <range>}. */
            @XmlType(name = "")
            public static class Range {
                @XmlAttribute
                public String start;
                @XmlAttribute
                public String end;
                public NetworkDef.Ip.Dhcp.Range.Lease lease;

                /** {@code <lease>}. */
                @XmlType(name = "")
                public static class Lease {
                    @XmlAttribute
                    public String expiry;
                    @XmlAttribute
                    public String unit;
                }
            }
        }

        /** {@code <tftp>}. */
        @XmlType(name = "")
        public static class Tftp {
            @XmlAttribute
            public String root;
        }
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

    /** {@code <port>}. */
    @XmlType(name = "")
    public static class Port {
        @XmlAttribute
        public String isolated;
    }

    /** {@code <portgroup>}. */
    @XmlType(name = "")
    public static class Portgroup {
        @XmlAttribute
        public String name;
        @XmlAttribute(name = "default")
        public String defaultAttr;
        @XmlAttribute
        public String trustGuestRxFilters;
        public NetworkDef.Portgroup.Virtualport virtualport;

        /** {@code <virtualport>}. */
        @XmlType(name = "")
        public static class Virtualport {
            @XmlAttribute
            public String type;
            public NetworkDef.Portgroup.Virtualport.Parameters parameters;

            /** {@code <parameters>}. */
            @XmlType(name = "")
            public static class Parameters {
                @XmlAttribute
                public String typeid;
                @XmlAttribute
                public String typeidversion;
                @XmlAttribute
                public String managerid;
            }
        }
    }

    /** {@code <route>}. */
    @XmlType(name = "")
    public static class Route {
        @XmlAttribute
        public String family;
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String netmask;
        @XmlAttribute
        public String prefix;
        @XmlAttribute
        public String gateway;
    }

    /** {@code <virtualport>}. */
    @XmlType(name = "")
    public static class Virtualport {
        @XmlAttribute
        public String type;
        public NetworkDef.Virtualport.Parameters parameters;

        /** {@code <parameters>}. */
        @XmlType(name = "")
        public static class Parameters {
            @XmlAttribute
            public String profileid;
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
        public NetworkDef.Vlan.Tag tag;

        /** {@code <tag>}. */
        @XmlType(name = "")
        public static class Tag {
            @XmlAttribute
            public String id;
        }
    }
}
