package org.jvirt.conf.network;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;

import org.jvirt.conf.domain.Bandwidth;
import org.jvirt.conf.domain.Vlan;
import org.jvirt.conf.xml.FirstOf;
import org.jvirt.conf.xml.Live;
import org.w3c.dom.Element;

/**
 * {@code <network>}. After parsing, values hold libvirt's canonical forms (addresses as libvirt prints them, MAC
 * addresses in lower case, the forward device as the first forward interface); the element order is libvirt's,
 * written by the network's own format.
 */
@XmlRootElement(name = "network")
public class NetworkDef {
    /** Keeps the single-element views ({@code dhcp.range}, {@code dns.txt}) in step with their lists. */
    public void syncFirstViews() {
        for (NetworkDef.Ip ip : ips) {
            if (ip.dhcp != null) {
                ip.dhcp.syncRange();
            }
        }
        if (dns != null) {
            dns.syncTxt();
        }
    }

    /** The guests connected to an active network. */
    @Live
    @XmlAttribute
    public String connections;
    @XmlAttribute
    public String ipv6;
    @XmlAttribute
    public String trustGuestRxFilters;
    public String name;
    public String uuid;
    public String title;
    public String description;
    public org.jvirt.conf.domain.Metadata metadata;
    public NetworkDef.Forward forward;
    public NetworkDef.Bridge bridge;
    public NetworkDef.Mtu mtu;
    public NetworkDef.Mac mac;
    public NetworkDef.Domain domain;
    public NetworkDef.Dns dns;
    public Vlan vlan;
    public Bandwidth bandwidth;
    public NetworkDef.Port port;
    @XmlElement(name = "ip")
    public List<NetworkDef.Ip> ips = new ArrayList<>();
    @XmlElement(name = "route")
    public List<NetworkDef.Route> routes = new ArrayList<>();
    public NetworkDef.Virtualport virtualport;
    @XmlElement(name = "portgroup")
    public List<NetworkDef.Portgroup> portgroups = new ArrayList<>();
    /** Elements of other namespaces; libvirt's network driver reads its dnsmasq options from them. */
    @XmlAnyElement
    public List<Element> namespaced = new ArrayList<>();
    /** The dnsmasq options ({@code dnsmasq:options/dnsmasq:option/@value}), read from {@link #namespaced}. */
    @jakarta.xml.bind.annotation.XmlTransient
    public List<String> dnsmasqOptions = new ArrayList<>();

    /** {@code <bridge>}. */
    @XmlType(name = "")
    public static class Bridge {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String zone;
        @XmlAttribute
        public String stp;
        @XmlAttribute
        public String delay;
        @XmlAttribute
        public String macTableManager;
    }

    /** {@code <dns>}. */
    @XmlType(name = "")
    public static class Dns {
        @XmlAttribute
        public String enable;
        @XmlAttribute
        public String forwardPlainNames;
        @XmlElement(name = "forwarder")
        public List<NetworkDef.Dns.Forwarder> forwarders = new ArrayList<>();
        @XmlElement(name = "txt")
        public List<NetworkDef.Dns.Txt> txts = new ArrayList<>();
        /**
         * The first {@code <txt>}, for callers written when the model had one: setting it replaces (or, null,
         * removes) the first of {@link #txts} when conf next parses or formats the document.
         */
        @XmlTransient
        public NetworkDef.Dns.Txt txt;
        @XmlTransient
        private NetworkDef.Dns.Txt txtSynced;

        /** Applies a change of {@link #txt} to {@link #txts}, then points it at the first record. */
        public void syncTxt() {
            if (txt != txtSynced) {
                FirstOf.apply(txts, txt);
            }
            txt = txts.isEmpty() ? null : txts.get(0);
            txtSynced = txt;
        }
        @XmlElement(name = "srv")
        public List<NetworkDef.Dns.Srv> srvs = new ArrayList<>();
        @XmlElement(name = "host")
        public List<NetworkDef.Dns.Host> hosts = new ArrayList<>();

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
        @XmlAttribute
        public String localOnly;
        @XmlAttribute
        public String register;
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
        public NetworkDef.Forward.Nat nat;
        public NetworkDef.Forward.Pf pf;
        @XmlElement(name = "interface")
        public List<NetworkDef.Forward.Interface> interfaces = new ArrayList<>();
        @XmlElement(name = "address")
        public List<NetworkDef.Forward.Address> addresses = new ArrayList<>();

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
            public String name;
            @XmlAttribute
            public String model;
        }

        /** {@code <interface>}. */
        @XmlType(name = "")
        public static class Interface {
            @XmlAttribute
            public String dev;
            /** The guests using this device, on an active network. */
            @Live
            @XmlAttribute
            public String connections;
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
        @XmlAttribute
        public String localPtr;
        public NetworkDef.Ip.Tftp tftp;
        public NetworkDef.Ip.Dhcp dhcp;

        /** {@code <dhcp>}. */
        @XmlType(name = "")
        public static class Dhcp {
            @XmlElement(name = "range")
            public List<NetworkDef.Ip.Dhcp.Range> ranges = new ArrayList<>();
            /**
             * The first {@code <range>}, for callers written when the model had one: setting it replaces (or,
             * null, removes) the first of {@link #ranges} when conf next parses or formats the document.
             */
            @XmlTransient
            public NetworkDef.Ip.Dhcp.Range range;
            @XmlTransient
            private NetworkDef.Ip.Dhcp.Range rangeSynced;

            /** Applies a change of {@link #range} to {@link #ranges}, then points it at the first range. */
            public void syncRange() {
                if (range != rangeSynced) {
                    FirstOf.apply(ranges, range);
                }
                range = ranges.isEmpty() ? null : ranges.get(0);
                rangeSynced = range;
            }
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
                public NetworkDef.Ip.Dhcp.Lease lease;
            }

            /** {@code <range>}. */
            @XmlType(name = "")
            public static class Range {
                @XmlAttribute
                public String start;
                @XmlAttribute
                public String end;
                public NetworkDef.Ip.Dhcp.Lease lease;
            }

            /** {@code <lease>}. */
            @XmlType(name = "")
            public static class Lease {
                @XmlAttribute
                public String expiry;
                @XmlAttribute
                public String unit;
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
        public Vlan vlan;
        public NetworkDef.Virtualport virtualport;
        public Bandwidth bandwidth;
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
        @XmlAttribute
        public String metric;
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
            public String managerid;
            @XmlAttribute
            public String typeid;
            @XmlAttribute
            public String typeidversion;
            @XmlAttribute
            public String instanceid;
            @XmlAttribute
            public String profileid;
            @XmlAttribute
            public String interfaceid;
        }
    }
}
