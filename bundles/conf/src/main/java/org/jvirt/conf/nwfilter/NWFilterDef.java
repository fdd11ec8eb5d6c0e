package org.jvirt.conf.nwfilter;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <filter>}. */
@XmlRootElement(name = "filter")
public class NWFilterDef {
    @XmlAttribute
    public String name;
    @XmlAttribute
    public String chain;
    @XmlAttribute
    public String priority;
    public String uuid;
    public NWFilterDef.Filterref filterref;
    @XmlElement(name = "rule")
    public List<NWFilterDef.Rule> rules = new ArrayList<>();

    /** {@code <filterref>}. */
    @XmlType(name = "")
    public static class Filterref {
        @XmlAttribute
        public String filter;
        @XmlElement(name = "parameter")
        public List<NWFilterDef.Filterref.Parameter> parameters = new ArrayList<>();

        /** {@code <parameter>}. */
        @XmlType(name = "")
        public static class Parameter {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String value;
        }
    }

    /** {@code <rule>}. */
    @XmlType(name = "")
    public static class Rule {
        @XmlAttribute
        public String action;
        @XmlAttribute
        public String direction;
        @XmlAttribute
        public String priority;
        @XmlAttribute
        public String statematch;
        @XmlElement(name = "ah-ipv6")
        public NWFilterDef.Rule.AhIpv6 ahIpv6;
        public NWFilterDef.Rule.All all;
        public NWFilterDef.Rule.Arp arp;
        public NWFilterDef.Rule.Mac mac;
        @XmlElement(name = "tcp")
        public List<NWFilterDef.Rule.Tcp> tcps = new ArrayList<>();
        @XmlElement(name = "udp-ipv6")
        public NWFilterDef.Rule.UdpIpv6 udpIpv6;
        public NWFilterDef.Rule.Ip ip;
        public NWFilterDef.Rule.Ipv6 ipv6;
        public NWFilterDef.Rule.Udp udp;
        @XmlElement(name = "tcp-ipv6")
        public NWFilterDef.Rule.TcpIpv6 tcpIpv6;
        @XmlElement(name = "sctp-ipv6")
        public NWFilterDef.Rule.SctpIpv6 sctpIpv6;
        public NWFilterDef.Rule.Icmp icmp;
        @XmlElement(name = "esp-ipv6")
        public NWFilterDef.Rule.EspIpv6 espIpv6;
        public NWFilterDef.Rule.Igmp igmp;
        public NWFilterDef.Rule.Sctp sctp;
        public NWFilterDef.Rule.Rarp rarp;
        @XmlElement(name = "udplite-ipv6")
        public NWFilterDef.Rule.UdpliteIpv6 udpliteIpv6;
        public NWFilterDef.Rule.Vlan vlan;
        @XmlElement(name = "all-ipv6")
        public NWFilterDef.Rule.AllIpv6 allIpv6;
        public NWFilterDef.Rule.Icmpv6 icmpv6;

        /** {@code <ah-ipv6>}. */
        @XmlType(name = "")
        public static class AhIpv6 {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String comment;
        }

        /** {@code <all>}. */
        @XmlType(name = "")
        public static class All {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String state;
            @XmlAttribute
            public String ipset;
            @XmlAttribute
            public String ipsetflags;
            @XmlAttribute
            public String comment;
        }

        /** {@code <all-ipv6>}. */
        @XmlType(name = "")
        public static class AllIpv6 {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dscp;
        }

        /** {@code <arp>}. */
        @XmlType(name = "")
        public static class Arp {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcmacmask;
            @XmlAttribute
            public String dstmacaddr;
            @XmlAttribute
            public String dstmacmask;
            @XmlAttribute
            public String hwtype;
            @XmlAttribute
            public String protocoltype;
            @XmlAttribute
            public String opcode;
            @XmlAttribute
            public String arpsrcmacaddr;
            @XmlAttribute
            public String arpdstmacaddr;
            @XmlAttribute
            public String gratuitous;
            @XmlAttribute
            public String comment;
        }

        /** {@code <esp-ipv6>}. */
        @XmlType(name = "")
        public static class EspIpv6 {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String dscp;
        }

        /** {@code <icmp>}. */
        @XmlType(name = "")
        public static class Icmp {
            @XmlAttribute(name = "connlimit-above")
            public String connlimitAbove;
            @XmlAttribute
            public String state;
            @XmlAttribute
            public String comment;
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String code;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
        }

        /** {@code <icmpv6>}. */
        @XmlType(name = "")
        public static class Icmpv6 {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String code;
        }

        /** {@code <igmp>}. */
        @XmlType(name = "")
        public static class Igmp {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dscp;
        }

        /** {@code <ip>}. */
        @XmlType(name = "")
        public static class Ip {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcmacmask;
            @XmlAttribute
            public String dstmacaddr;
            @XmlAttribute
            public String dstmacmask;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String protocol;
            @XmlAttribute
            public String srcportstart;
            @XmlAttribute
            public String srcportend;
            @XmlAttribute
            public String dstportstart;
            @XmlAttribute
            public String dstportend;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String comment;
        }

        /** {@code <ipv6>}. */
        @XmlType(name = "")
        public static class Ipv6 {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcmacmask;
            @XmlAttribute
            public String dstmacaddr;
            @XmlAttribute
            public String dstmacmask;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String protocol;
            @XmlAttribute
            public String srcportstart;
            @XmlAttribute
            public String srcportend;
            @XmlAttribute
            public String dstportstart;
            @XmlAttribute
            public String dstportend;
            @XmlAttribute
            public String comment;
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String typeend;
            @XmlAttribute
            public String code;
            @XmlAttribute
            public String codeend;
        }

        /** {@code <mac>}. */
        @XmlType(name = "")
        public static class Mac {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcmacmask;
            @XmlAttribute
            public String dstmacaddr;
            @XmlAttribute
            public String dstmacmask;
            @XmlAttribute
            public String protocolid;
            @XmlAttribute
            public String comment;
        }

        /** {@code <rarp>}. */
        @XmlType(name = "")
        public static class Rarp {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcmacmask;
            @XmlAttribute
            public String dstmacaddr;
            @XmlAttribute
            public String dstmacmask;
            @XmlAttribute
            public String hwtype;
            @XmlAttribute
            public String protocoltype;
            @XmlAttribute
            public String opcode;
            @XmlAttribute
            public String arpsrcmacaddr;
            @XmlAttribute
            public String arpdstmacaddr;
        }

        /** {@code <sctp>}. */
        @XmlType(name = "")
        public static class Sctp {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String srcportstart;
            @XmlAttribute
            public String srcportend;
            @XmlAttribute
            public String dstportstart;
            @XmlAttribute
            public String dstportend;
        }

        /** {@code <sctp-ipv6>}. */
        @XmlType(name = "")
        public static class SctpIpv6 {
            @XmlAttribute
            public String comment;
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String srcportstart;
            @XmlAttribute
            public String srcportend;
            @XmlAttribute
            public String dstportstart;
            @XmlAttribute
            public String dstportend;
        }

        /** {@code <tcp>}. */
        @XmlType(name = "")
        public static class Tcp {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute(name = "connlimit-above")
            public String connlimitAbove;
            @XmlAttribute
            public String state;
            @XmlAttribute
            public String match;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String srcportstart;
            @XmlAttribute
            public String dstportstart;
            @XmlAttribute
            public String dstportend;
            @XmlAttribute
            public String comment;
            @XmlAttribute
            public String srcporttend;
            @XmlAttribute
            public String dstporttend;
            @XmlAttribute
            public String srcportend;
            @XmlAttribute
            public String flags;
        }

        /** {@code <tcp-ipv6>}. */
        @XmlType(name = "")
        public static class TcpIpv6 {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String srcportstart;
            @XmlAttribute
            public String srcportend;
            @XmlAttribute
            public String dstportstart;
            @XmlAttribute
            public String dstportend;
            @XmlAttribute
            public String comment;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
        }

        /** {@code <udp>}. */
        @XmlType(name = "")
        public static class Udp {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String state;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String srcportstart;
            @XmlAttribute
            public String srcportend;
            @XmlAttribute
            public String dstportstart;
            @XmlAttribute
            public String dstportend;
            @XmlAttribute
            public String comment;
        }

        /** {@code <udp-ipv6>}. */
        @XmlType(name = "")
        public static class UdpIpv6 {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String comment;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String dscp;
            @XmlAttribute
            public String srcportstart;
            @XmlAttribute
            public String srcportend;
            @XmlAttribute
            public String dstportstart;
            @XmlAttribute
            public String dstportend;
        }

        /** {@code <udplite-ipv6>}. */
        @XmlType(name = "")
        public static class UdpliteIpv6 {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcipaddr;
            @XmlAttribute
            public String srcipmask;
            @XmlAttribute
            public String dstipaddr;
            @XmlAttribute
            public String dstipmask;
            @XmlAttribute
            public String dscp;
        }

        /** {@code <vlan>}. */
        @XmlType(name = "")
        public static class Vlan {
            @XmlAttribute
            public String srcmacaddr;
            @XmlAttribute
            public String srcmacmask;
            @XmlAttribute
            public String dstmacaddr;
            @XmlAttribute
            public String dstmacmask;
            @XmlAttribute
            public String vlanid;
            @XmlAttribute(name = "encap-protocol")
            public String encapProtocol;
        }
    }
}
