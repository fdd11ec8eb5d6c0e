package org.jvirt.conf.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.nwfilter.NWFilterDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Network filters ({@code <filter>}) as libvirt's nwfilter_conf: each protocol's attribute table (the types an
 * attribute may take, tried in libvirt's order, and their canonical forms), the rule defaults, the negations
 * libvirt carries from an address to its mask, the chain and its priority, and the format. As libvirt, an
 * attribute whose value is not valid is reported (logged) and left out, and the rule kept.
 */
public final class NWFilterDocument {
    private static final Logger LOG = LoggerFactory.getLogger(NWFilterDocument.class);

    // libvirt's attribute types, in the order its parser tries them
    private static final int UINT16 = 1;
    private static final int UINT8 = 1 << 1;
    private static final int UINT16_HEX = 1 << 2;
    private static final int UINT8_HEX = 1 << 3;
    private static final int MACADDR = 1 << 4;
    private static final int MACMASK = 1 << 5;
    private static final int IPADDR = 1 << 6;
    private static final int IPMASK = 1 << 7;
    private static final int STRING = 1 << 8;
    private static final int IPV6ADDR = 1 << 9;
    private static final int IPV6MASK = 1 << 10;
    private static final int STRINGCOPY = 1 << 11;
    private static final int BOOLEAN = 1 << 12;
    private static final int UINT32 = 1 << 13;
    private static final int UINT32_HEX = 1 << 14;
    private static final int IPSETNAME = 1 << 15;
    private static final int IPSETFLAGS = 1 << 16;
    private static final int LAST = 1 << 17;

    private static final int MAX_COMMENT_LENGTH = 256;
    private static final String VALID_IPSETNAME =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-+ ";
    private static final String VALID_CHAINNAME = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-";
    private static final int MAX_CHAIN_SUFFIX_SIZE = 10;
    private static final List<String> CHAIN_SUFFIXES = List.of("root", "mac", "vlan", "stp", "arp", "rarp", "ipv4",
            "ipv6");
    private static final Map<String, Integer> CHAIN_PRIORITIES = Map.of("root", 0, "mac", -800, "vlan", -750,
            "ipv4", -700, "ipv6", -600, "arp", -500, "rarp", -400);
    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z0-9_]+");
    private static final Pattern VARIABLE_ACCESS = Pattern.compile("\\[\\s*(@?)\\s*(\\d+)\\s*\\]");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-zA-Z0-9_]+");

    /** How an attribute's value is checked and written beyond its type. */
    private enum Special { NONE, MAC_PROTOCOL, VLAN_ID, VLAN_PROTOCOL, ARP_OPCODE, IP_PROTOCOL, DSCP, STATE,
        TCP_FLAGS, IPSET, IPSET_FLAGS }

    private record Att(String name, int types, Special special) {
    }

    private static final Map<String, Integer> MAC_PROTOCOLS = linked("arp", 0x0806, "rarp", 0x8035, "ipv4", 0x0800,
            "ipv6", 0x86DD, "vlan", 0x8100);
    private static final Map<String, Integer> ARP_OPCODES = linked("Request", 1, "Reply", 2, "Request_Reverse", 3,
            "Reply_Reverse", 4, "DRARP_Request", 5, "DRARP_Reply", 6, "DRARP_Error", 7, "InARP_Request", 8,
            "ARP_NAK", 9);
    private static final Map<String, Integer> IP_PROTOCOLS = linked("tcp", 6, "udp", 17, "udplite", 136, "esp", 50,
            "ah", 51, "icmp", 1, "igmp", 2, "sctp", 132, "icmpv6", 58);
    private static final Map<String, Integer> STATES = linked("NEW", 1, "ESTABLISHED", 2, "RELATED", 4,
            "INVALID", 8, "NONE", 16);
    private static final Map<String, Integer> TCP_FLAGS = linked("FIN", 0x1, "SYN", 0x2, "RST", 0x4, "PSH", 0x8,
            "ACK", 0x10, "URG", 0x20, "ALL", 0x3F, "NONE", 0x0);

    private static final Map<String, List<Att>> PROTOCOLS = protocols();
    /** The negations libvirt copies, per protocol: the second attribute takes the first's. */
    private static final Map<String, String[][]> NEG_COPIES = negCopies();

    private NWFilterDocument() {
    }

    private static Map<String, Integer> linked(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    private static Att a(String name, int types) {
        return new Att(name, types, Special.NONE);
    }

    private static Att a(String name, int types, Special s) {
        return new Att(name, types, s);
    }

    private static List<Att> mac() {
        return List.of(a("srcmacaddr", MACADDR), a("srcmacmask", MACMASK), a("dstmacaddr", MACADDR),
                a("dstmacmask", MACMASK));
    }

    private static List<Att> commonIp(int addr, int mask) {
        return List.of(a("srcmacaddr", MACADDR), a("srcipaddr", addr), a("srcipmask", mask), a("dstipaddr", addr),
                a("dstipmask", mask), a("srcipfrom", addr), a("srcipto", addr), a("dstipfrom", addr),
                a("dstipto", IPADDR), a("dscp", UINT8 | UINT8_HEX, Special.DSCP), a("connlimit-above", UINT16),
                a("state", STRING, Special.STATE), a("ipset", IPSETNAME, Special.IPSET),
                a("ipsetflags", IPSETFLAGS, Special.IPSET_FLAGS));
    }

    private static List<Att> ports() {
        return List.of(a("srcportstart", UINT16 | UINT16_HEX), a("srcportend", UINT16 | UINT16_HEX),
                a("dstportstart", UINT16 | UINT16_HEX), a("dstportend", UINT16 | UINT16_HEX));
    }

    @SafeVarargs
    private static List<Att> join(List<Att>... parts) {
        List<Att> l = new ArrayList<>();
        for (List<Att> p : parts) {
            l.addAll(p);
        }
        return List.copyOf(l);
    }

    private static Map<String, List<Att>> protocols() {
        Map<String, List<Att>> m = new LinkedHashMap<>();
        List<Att> comment = List.of(a("comment", STRINGCOPY));
        List<Att> arp = join(mac(), List.of(a("hwtype", UINT16 | UINT16_HEX),
                a("protocoltype", UINT16 | UINT16_HEX), a("opcode", UINT16 | UINT16_HEX | STRING, Special.ARP_OPCODE),
                a("arpsrcmacaddr", MACADDR), a("arpdstmacaddr", MACADDR), a("arpsrcipaddr", IPADDR),
                a("arpsrcipmask", IPMASK), a("arpdstipaddr", IPADDR), a("arpdstipmask", IPMASK),
                a("gratuitous", BOOLEAN)), comment);
        m.put("arp", arp);
        m.put("rarp", arp);
        m.put("mac", join(mac(), List.of(a("protocolid", UINT16 | UINT16_HEX | STRING, Special.MAC_PROTOCOL)),
                comment));
        m.put("vlan", join(mac(), List.of(a("vlanid", UINT16 | UINT16_HEX, Special.VLAN_ID),
                a("encap-protocol", UINT16 | UINT16_HEX | STRING, Special.VLAN_PROTOCOL)), comment));
        List<Att> stp = new ArrayList<>(List.of(a("srcmacaddr", MACADDR), a("srcmacmask", MACMASK),
                a("type", UINT8 | UINT8_HEX), a("flags", UINT8 | UINT8_HEX), a("root-priority", UINT16 | UINT16_HEX),
                a("root-priority-hi", UINT16 | UINT16_HEX), a("root-address", MACADDR),
                a("root-address-mask", MACMASK), a("root-cost", UINT32 | UINT32_HEX),
                a("root-cost-hi", UINT32 | UINT32_HEX), a("sender-priority", UINT16 | UINT16_HEX),
                a("sender-priority-hi", UINT16 | UINT16_HEX), a("sender-address", MACADDR),
                a("sender-address-mask", MACMASK)));
        for (String n : List.of("port", "age", "max-age", "hello-time", "forward-delay")) {
            stp.add(a(n, UINT16 | UINT16_HEX));
            stp.add(a(n + "-hi", UINT16 | UINT16_HEX));
        }
        m.put("stp", join(stp, comment));
        m.put("ip", join(mac(), List.of(a("srcipaddr", IPADDR), a("srcipmask", IPMASK), a("dstipaddr", IPADDR),
                a("dstipmask", IPMASK), a("protocol", STRING | UINT8 | UINT8_HEX, Special.IP_PROTOCOL)), ports(),
                List.of(a("dscp", UINT8 | UINT8_HEX, Special.DSCP)), comment));
        m.put("ipv6", join(mac(), List.of(a("srcipaddr", IPV6ADDR), a("srcipmask", IPV6MASK),
                a("dstipaddr", IPV6ADDR), a("dstipmask", IPV6MASK),
                a("protocol", STRING | UINT8 | UINT8_HEX, Special.IP_PROTOCOL)), ports(),
                List.of(a("type", UINT8 | UINT8_HEX), a("typeend", UINT8 | UINT8_HEX), a("code", UINT8 | UINT8_HEX),
                        a("codeend", UINT8 | UINT8_HEX)), comment));
        List<Att> v4 = commonIp(IPADDR, IPMASK);
        List<Att> v6 = commonIp(IPV6ADDR, IPV6MASK);
        List<Att> icmp = List.of(a("type", UINT8 | UINT8_HEX), a("code", UINT8 | UINT8_HEX));
        m.put("tcp", join(v4, ports(), List.of(a("option", UINT8 | UINT8_HEX), a("flags", STRING,
                Special.TCP_FLAGS)), comment));
        m.put("udp", join(v4, ports(), comment));
        m.put("udplite", join(v4, comment));
        m.put("esp", join(v4, comment));
        m.put("ah", join(v4, comment));
        m.put("sctp", join(v4, ports(), comment));
        m.put("icmp", join(v4, icmp, comment));
        m.put("all", join(v4, comment));
        m.put("igmp", join(v4, comment));
        m.put("tcp-ipv6", join(v6, ports(), List.of(a("option", UINT8 | UINT8_HEX)), comment));
        m.put("udp-ipv6", join(v6, ports(), comment));
        m.put("udplite-ipv6", join(v6, comment));
        m.put("esp-ipv6", join(v6, comment));
        m.put("ah-ipv6", join(v6, comment));
        m.put("sctp-ipv6", join(v6, ports(), comment));
        m.put("icmpv6", join(v6, icmp, comment));
        m.put("all-ipv6", join(v6, comment));
        return m;
    }

    private static Map<String, String[][]> negCopies() {
        Map<String, String[][]> m = new HashMap<>();
        String[][] ethMac = {{"srcmacaddr", "srcmacmask"}, {"dstmacaddr", "dstmacmask"}};
        m.put("mac", ethMac);
        m.put("vlan", ethMac);
        m.put("stp", new String[][] {{"srcmacaddr", "srcmacmask"}, {"root-priority", "root-priority-hi"},
            {"root-address", "root-address-mask"}, {"root-cost", "root-cost-hi"},
            {"sender-priority", "sender-priority-hi"}, {"sender-address", "sender-address-mask"},
            {"port", "port-hi"}, {"age", "age-hi"}, {"max-age", "max-age-hi"}, {"hello-time", "hello-time-hi"},
            {"forward-delay", "forward-delay-hi"}});
        String[][] ipMasks = {{"srcipaddr", "srcipmask"}, {"dstipaddr", "dstipmask"}};
        m.put("ip", ipMasks);
        m.put("ipv6", new String[][] {{"srcipaddr", "srcipmask"}, {"dstipaddr", "dstipmask"}, {"type", "typeend"},
            {"type", "code"}, {"type", "codeend"}});
        String[][] l4 = {{"srcipaddr", "srcipmask"}, {"dstipaddr", "dstipmask"}, {"srcipfrom", "srcipto"},
            {"dstipfrom", "dstipto"}};
        String[][] l4ports = {{"srcipaddr", "srcipmask"}, {"dstipaddr", "dstipmask"}, {"srcipfrom", "srcipto"},
            {"dstipfrom", "dstipto"}, {"srcportstart", "srcportend"}, {"srcportstart", "dstportstart"},
            {"srcportstart", "dstportend"}};
        for (String p : List.of("tcp", "tcp-ipv6", "udp", "udp-ipv6", "sctp", "sctp-ipv6")) {
            m.put(p, l4ports);
        }
        for (String p : List.of("udplite", "udplite-ipv6", "esp", "esp-ipv6", "ah", "ah-ipv6", "all", "all-ipv6",
                "igmp")) {
            m.put(p, l4);
        }
        String[][] icmp = {{"srcipaddr", "srcipmask"}, {"dstipaddr", "dstipmask"}, {"srcipfrom", "srcipto"},
            {"dstipfrom", "dstipto"}, {"type", "code"}};
        m.put("icmp", icmp);
        m.put("icmpv6", icmp);
        return m;
    }

    // ---- reading

    /** virNWFilterDefParseXML's checks and defaults. */
    public static void check(NWFilterDef def) {
        if (def.name == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NWFILTER, "filter has no name");
        }
        Integer priority = null;
        if (def.priority != null) {
            priority = XmlValues.parseInt(def.priority, 10);
            if (priority == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER,
                        "Could not parse chain priority '" + def.priority + "'");
            }
            if (priority < -1000 || priority > 1000) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER, "Priority '" + priority
                        + "' is outside valid range of [-1000,1000]");
            }
        }
        if (def.chain != null) {
            String prefix = allowedChain(def.chain);
            if (priority == null) {
                priority = CHAIN_PRIORITIES.getOrDefault(prefix, 0);
            }
        } else {
            def.chain = "root";
            // without a chain, a given priority is read but not kept
            priority = null;
        }
        def.priority = priority == null || priority == 0 ? null : priority.toString();
        def.uuid = uuid(def.uuid);
        for (Object e : def.entries) {
            if (e instanceof NWFilterDef.Rule r) {
                rule(r);
            } else if (e instanceof NWFilterDef.Filterref f) {
                filterref(f);
            }
        }
    }

    private static String allowedChain(String chain) {
        if (chain.length() > MAX_CHAIN_SUFFIX_SIZE) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER,
                    "Name of chain is longer than " + MAX_CHAIN_SUFFIX_SIZE + " characters");
        }
        for (int i = 0; i < chain.length(); i++) {
            if (VALID_CHAINNAME.indexOf(chain.charAt(i)) < 0) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER,
                        "Chain name contains invalid characters");
            }
        }
        for (String s : CHAIN_SUFFIXES) {
            if (s.equals("root")) {
                if (chain.equals(s)) {
                    return s;
                }
                if (chain.startsWith(s)) {
                    break;
                }
            } else if (chain.startsWith(s)) {
                return s;
            }
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER, "Invalid chain name '" + chain
                + "'. Please use a chain name called 'root' or any of the following prefixes: mac, vlan, stp, arp, "
                + "rarp, ipv4, ipv6");
    }

    private static String uuid(String v) {
        if (v == null) {
            return java.util.UUID.randomUUID().toString();
        }
        String u = v.strip().replace("-", "");
        if (u.length() != 32 || !u.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NWFILTER, "malformed uuid element");
        }
        u = u.toLowerCase(Locale.ROOT);
        return u.substring(0, 8) + "-" + u.substring(8, 12) + "-" + u.substring(12, 16) + "-" + u.substring(16, 20)
                + "-" + u.substring(20);
    }

    private static void filterref(NWFilterDef.Filterref f) {
        if (f.filter == null) {
            // libvirt's own sentence for this case names the rule's attribute
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NWFILTER,
                    "rule node requires action attribute");
        }
        parameters(f.parameters);
    }

    /** virNWFilterParseParamAttributes: names of letters, digits and '_', each with a value. */
    public static void parameters(List<NWFilterDef.Filterref.Parameter> params) {
        for (NWFilterDef.Filterref.Parameter p : params) {
            if (p.name == null || p.value == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NWFILTER,
                        "missing name or value for parameter");
            }
            if (!PARAMETER_NAME.matcher(p.name).matches()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER,
                        "invalid parameter name '" + p.name + "'");
            }
        }
    }

    private static void rule(NWFilterDef.Rule r) {
        if (r.action == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NWFILTER,
                    "rule node requires action attribute");
        }
        if (!List.of("drop", "accept", "reject", "return", "continue").contains(r.action)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NWFILTER,
                    "unknown rule action attribute value");
        }
        if (r.direction == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NWFILTER,
                    "rule node requires direction attribute");
        }
        if (!List.of("in", "out", "inout").contains(r.direction)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NWFILTER,
                    "unknown rule direction attribute value");
        }
        int priority = 500;
        if (r.priority != null) {
            Integer p = XmlValues.parseInt(r.priority, 10);
            if (p != null && p >= -1000 && p <= 1000) {
                priority = p;
            }
        }
        r.priority = Integer.toString(priority);
        r.statematch = r.statematch != null && (r.statematch.equals("0")
                || r.statematch.equalsIgnoreCase("false")) ? "false" : null;
        r.protocol = null;
        r.attributes = new ArrayList<>();
        Map<String, Item> items = new LinkedHashMap<>();
        for (Element e : r.protocolElements) {
            String name = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
            if (e.getNamespaceURI() != null || !PROTOCOLS.containsKey(name)) {
                continue;
            }
            if (r.protocol == null) {
                r.protocol = name;
            } else if (!r.protocol.equals(name)) {
                // later elements count only when they are of the rule's protocol
                continue;
            }
            details(e, PROTOCOLS.get(name), items);
            validate(r.protocol, items);
        }
        if (r.protocol == null) {
            return;
        }
        fixup(r.protocol, items);
        for (Att att : PROTOCOLS.get(r.protocol)) {
            Item it = items.get(att.name);
            if (it != null) {
                r.attributes.add(new NWFilterDef.Attribute(att.name, it.text, it.negated));
            }
        }
    }

    /** An attribute as read: its canonical text, its type, its number (for the checks), whether negated. */
    private static final class Item {
        String text;
        int type;
        long number;
        boolean negated;
        boolean variable;
    }

    private static void details(Element e, List<Att> atts, Map<String, Item> items) {
        boolean negated = "no".equals(e.getAttribute("match"));
        VirtException last = null;
        for (Att att : atts) {
            if (!e.hasAttribute(att.name)) {
                continue;
            }
            String v = e.getAttribute(att.name);
            Item it;
            try {
                it = value(att, v);
            } catch (VirtException ex) {
                last = ex;
                continue;
            }
            if (it == null) {
                // libvirt reads on, then fails the rule with the last value it could not take
                last = new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NWFILTER,
                        att.name + " has illegal value " + v);
                continue;
            }
            it.negated = negated;
            items.put(att.name, it);
        }
        if (last != null) {
            throw last;
        }
    }

    /** One attribute value, tried as each of its types in libvirt's order; null when none fits. */
    private static Item value(Att att, String v) {
        if (v.startsWith("$")) {
            Item it = new Item();
            it.variable = true;
            it.text = "$" + variable(v.substring(1));
            return it;
        }
        for (int type = 1; type < LAST; type <<= 1) {
            if ((att.types & type) == 0) {
                continue;
            }
            Item it = typed(att, type, v);
            if (it != null) {
                it.type = it.type == 0 ? type : it.type;
                return it;
            }
        }
        return null;
    }

    private static Item typed(Att att, int type, String v) {
        Item it = new Item();
        switch (type) {
            case UINT8, UINT8_HEX, UINT16, UINT16_HEX, UINT32, UINT32_HEX -> {
                int base = type == UINT8_HEX || type == UINT16_HEX || type == UINT32_HEX ? 16 : 10;
                Long x = XmlValues.parseUInt(v, base);
                long max = type == UINT8 || type == UINT8_HEX ? 0xff : type == UINT16 || type == UINT16_HEX ? 0xffff
                        : 0xFFFFFFFFL;
                if (x == null || x > max) {
                    return null;
                }
                it.number = x;
                it.type = type;
                it.text = base == 16 ? "0x" + Long.toHexString(x) : Long.toString(x);
                return special(att, it, v);
            }
            case MACADDR, MACMASK -> {
                String m = XmlValues.mac(v);
                if (m == null || type == MACMASK && !contiguous(macBytes(m))) {
                    return null;
                }
                it.text = m;
                return it;
            }
            case IPADDR, IPV6ADDR -> {
                byte[] b = IpAddresses.parse(v);
                if (b == null || b.length != (type == IPADDR ? 4 : 16)) {
                    return null;
                }
                it.text = IpAddresses.format(b);
                return it;
            }
            case IPMASK, IPV6MASK -> {
                int len = type == IPMASK ? 4 : 16;
                Long x = XmlValues.parseLong(v, 10);
                if (x != null && x >= 0 && !v.strip().startsWith("-")) {
                    if (x > len * 8) {
                        return null;
                    }
                    it.text = x.toString();
                    return it;
                }
                byte[] b = IpAddresses.parse(v);
                if (b == null || b.length != len) {
                    return null;
                }
                int bits = IpAddresses.prefixOf(b);
                if (bits < 0) {
                    return null;
                }
                it.text = Integer.toString(bits);
                return it;
            }
            case STRING, IPSETNAME, IPSETFLAGS -> {
                if (att.special == Special.NONE) {
                    return null;
                }
                it.text = v;
                return special(att, it, v);
            }
            case STRINGCOPY -> {
                it.text = v.length() > MAX_COMMENT_LENGTH ? v.substring(0, MAX_COMMENT_LENGTH) : v;
                return it;
            }
            case BOOLEAN -> {
                it.text = v.equals("true") || v.equals("1") || v.equals("yes") ? "true" : "false";
                return it;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * virNWFilterVarAccessParse and its print: a variable's name, and an element index ({@code [1]}) or an iterator
     * ({@code [@2]}; iterator 0 is the name alone), spaces inside the brackets allowed, anything after them ignored.
     */
    private static String variable(String v) {
        Matcher name = VARIABLE_NAME.matcher(v);
        if (!name.lookingAt()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER, "Malformed variable");
        }
        String rest = v.substring(name.end());
        if (rest.isEmpty()) {
            return name.group();
        }
        if (rest.charAt(0) != '[') {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER, "Malformed variable");
        }
        Matcher m = VARIABLE_ACCESS.matcher(rest);
        boolean iterator = rest.substring(1).stripLeading().startsWith("@");
        if (!m.lookingAt()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER, iterator ? "Malformed iterator id"
                    : "Malformed array index");
        }
        long n = Long.parseLong(m.group(2));
        if (iterator) {
            if (n > 1000) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NWFILTER,
                        "Iterator ID exceeds maximum ID of 1000");
            }
            return n == 0 ? name.group() : name.group() + "[@" + n + "]";
        }
        return name.group() + "[" + n + "]";
    }

    /** The checks and canonical forms of the attributes with a validator of their own. */
    private static Item special(Att att, Item it, String v) {
        switch (att.special) {
            case NONE -> {
                return it;
            }
            case DSCP -> {
                return it.number > 63 ? null : it;
            }
            case VLAN_ID -> {
                return it.number > 4095 ? null : it;
            }
            case MAC_PROTOCOL, VLAN_PROTOCOL -> {
                return namedNumber(it, v, MAC_PROTOCOLS, att.special == Special.MAC_PROTOCOL ? 0x600 : 0x3c,
                        UINT16);
            }
            case ARP_OPCODE -> {
                Item r = namedNumber(it, v, ARP_OPCODES, 0, UINT16);
                if (r != null && r.type != STRING) {
                    // an opcode is written by its name where it has one, else in decimal
                    r.text = nameOf(ARP_OPCODES, r.number, Long.toString(r.number));
                }
                return r;
            }
            case IP_PROTOCOL -> {
                return namedNumber(it, v, IP_PROTOCOLS, 0, UINT8_HEX);
            }
            case STATE -> {
                int flags = parseItems(STATES, v);
                if (flags < 0) {
                    return null;
                }
                if ((flags & 16) != 0) {
                    flags = 16;
                }
                it.text = printItems(STATES, flags);
                it.type = UINT16;
                return it;
            }
            case TCP_FLAGS -> {
                int slash = v.indexOf('/');
                if (slash < 0) {
                    return null;
                }
                int mask = parseItems(TCP_FLAGS, v.substring(0, slash));
                int flags = parseItems(TCP_FLAGS, v.substring(slash + 1));
                if (mask < 0 || flags < 0) {
                    return null;
                }
                it.text = tcpFlags(mask & 0x3f) + "/" + tcpFlags(flags & 0x3f);
                return it;
            }
            case IPSET -> {
                if (v.length() >= 32) {
                    LOG.warn("ipset name is too long");
                    return null;
                }
                for (int i = 0; i < v.length(); i++) {
                    if (VALID_IPSETNAME.indexOf(v.charAt(i)) < 0) {
                        LOG.warn("ipset name contains invalid characters");
                        return null;
                    }
                }
                return it;
            }
            case IPSET_FLAGS -> {
                StringBuilder sb = new StringBuilder();
                int idx = 0;
                int n = 0;
                while (n < 6) {
                    if (v.regionMatches(true, idx, "src", 0, 3)) {
                        sb.append(n == 0 ? "" : ",").append("src");
                    } else if (v.regionMatches(true, idx, "dst", 0, 3)) {
                        sb.append(n == 0 ? "" : ",").append("dst");
                    } else {
                        LOG.warn("malformed ipset flags");
                        return null;
                    }
                    n++;
                    idx += 3;
                    if (idx >= v.length() || v.charAt(idx) != ',') {
                        break;
                    }
                    idx++;
                }
                if (idx != v.length()) {
                    LOG.warn("malformed ipset flags");
                    return null;
                }
                it.text = sb.toString();
                return it;
            }
            default -> {
                return it;
            }
        }
    }

    /**
     * An attribute given as a name of {@code names} or a number: a name is written back as the name of its
     * number, a number below {@code min} is refused, a number's base is kept (hex unless given in decimal).
     */
    private static Item namedNumber(Item it, String v, Map<String, Integer> names, long min, int nameType) {
        if (it.text == v && it.number == 0 && it.type == 0) {
            // a string: look the name up, ignoring case
            Integer n = null;
            for (Map.Entry<String, Integer> e : names.entrySet()) {
                if (e.getKey().equalsIgnoreCase(v)) {
                    n = e.getValue();
                    break;
                }
            }
            if (n == null) {
                return null;
            }
            it.number = n;
            it.type = nameType;
        } else if (it.number < min) {
            return null;
        }
        boolean hex = it.type != UINT16 && it.type != UINT8;
        it.text = nameOf(names, it.number, hex ? "0x" + Long.toHexString(it.number) : Long.toString(it.number));
        return it;
    }

    private static String nameOf(Map<String, Integer> names, long n, String otherwise) {
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            if (e.getValue() == n) {
                return e.getKey();
            }
        }
        return otherwise;
    }

    /** parseStringItems: names of {@code map} between commas (and spaces), or -1. */
    private static int parseItems(Map<String, Integer> map, String input) {
        int flags = 0;
        int i = 0;
        while (i < input.length()) {
            while (i < input.length() && (Character.isWhitespace(input.charAt(i)) || input.charAt(i) == ',')) {
                i++;
            }
            if (i >= input.length()) {
                break;
            }
            boolean found = false;
            for (Map.Entry<String, Integer> e : map.entrySet()) {
                String k = e.getKey();
                if (input.regionMatches(true, i, k, 0, k.length())) {
                    flags |= e.getValue();
                    i += k.length();
                    found = true;
                    break;
                }
            }
            if (!found) {
                return -1;
            }
        }
        return flags;
    }

    /** printStringItems: the names of the bits set, lowest first, joined by commas. */
    private static String printItems(Map<String, Integer> map, int flags) {
        StringBuilder sb = new StringBuilder();
        for (int mask = 1; flags != 0 && mask != 0; mask <<= 1) {
            if ((flags & mask) != 0) {
                for (Map.Entry<String, Integer> e : map.entrySet()) {
                    if (e.getValue() == mask) {
                        sb.append(sb.length() == 0 ? "" : ",").append(e.getKey());
                    }
                }
                flags ^= mask;
            }
        }
        return sb.toString();
    }

    private static String tcpFlags(int flags) {
        return flags == 0 ? "NONE" : flags == 0x3f ? "ALL" : printItems(TCP_FLAGS, flags);
    }

    private static byte[] macBytes(String mac) {
        byte[] b = new byte[6];
        String[] p = mac.split(":");
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(p[i], 16);
        }
        return b;
    }

    /** checkValidMask: ones, then only zeros. */
    private static boolean contiguous(byte[] b) {
        return IpAddresses.prefixOf(b) >= 0;
    }

    /** virNWFilterRuleValidate: ports in an IP rule need a protocol that has ports. */
    private static void validate(String protocol, Map<String, Item> items) {
        if (!protocol.equals("ip") && !protocol.equals("ipv6")) {
            return;
        }
        boolean ports = items.containsKey("srcportstart") || items.containsKey("dstportstart")
                || items.containsKey("srcportend") || items.containsKey("dstportend");
        if (!ports) {
            return;
        }
        Item p = items.get("protocol");
        if (p == null || p.variable || !List.of(6L, 17L, 33L, 132L).contains(p.number)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NWFILTER, (protocol.equals("ip") ? "IP"
                    : "IPv6") + " rule with port specification requires protocol specification with protocol to be "
                    + "either one of tcp(6), udp(17), dccp(33), or sctp(132)");
        }
    }

    /** virNWFilterRuleDefFixup: masks and ranges take their address's negation; an ipset takes its flags. */
    private static void fixup(String protocol, Map<String, Item> items) {
        for (String[] pair : NEG_COPIES.getOrDefault(protocol, new String[0][])) {
            Item from = items.get(pair[0]);
            Item to = items.get(pair[1]);
            if (to != null) {
                to.negated = from != null && from.negated;
            }
        }
        if (!PROTOCOLS.get(protocol).stream().anyMatch(a -> a.name.equals("ipset"))) {
            return;
        }
        boolean set = items.containsKey("ipset");
        boolean flags = items.containsKey("ipsetflags");
        if (set && !flags) {
            Item f = new Item();
            f.text = "src";
            items.put("ipsetflags", f);
        } else if (!set || !flags) {
            items.remove("ipset");
            items.remove("ipsetflags");
        }
    }

    // ---- format

    /** virNWFilterDefFormat. */
    public static String format(NWFilterDef def) {
        XmlBuffer b = new XmlBuffer();
        b.open("filter").raw(" name='" + def.name + "' chain='" + def.chain + "'");
        if (def.priority != null) {
            b.raw(" priority='" + def.priority + "'");
        }
        b.endOpen();
        b.textElement("uuid", def.uuid);
        for (Object e : def.entries) {
            if (e instanceof NWFilterDef.Rule r) {
                rule(b, r);
            } else if (e instanceof NWFilterDef.Filterref f) {
                filterref(b, f.filter, f.parameters);
            }
        }
        b.close("filter");
        return b.toString();
    }

    private static void rule(XmlBuffer b, NWFilterDef.Rule r) {
        b.open("rule").attr("action", r.action).attr("direction", r.direction).attr("priority", r.priority)
                .attr("statematch", r.statematch);
        if (r.protocol == null) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        List<NWFilterDef.Attribute> plain = r.attributes.stream().filter(a -> !a.negated()).toList();
        List<NWFilterDef.Attribute> negated = r.attributes.stream().filter(NWFilterDef.Attribute::negated).toList();
        if (!plain.isEmpty()) {
            b.open(r.protocol);
            plain.forEach(a -> b.attr(a.name(), a.value()));
            b.endEmpty();
        }
        if (!negated.isEmpty()) {
            b.open(r.protocol).attr("match", "no");
            negated.forEach(a -> b.attr(a.name(), a.value()));
            b.endEmpty();
        }
        if (plain.isEmpty() && negated.isEmpty()) {
            b.empty(r.protocol);
        }
        b.close("rule");
    }

    /** virNWFilterFormatParamAttributes: the parameters by name, each value of a list on its own. */
    public static void filterref(XmlBuffer b, String filter, List<NWFilterDef.Filterref.Parameter> params) {
        b.open("filterref").attr("filter", filter);
        if (params.isEmpty()) {
            b.endEmpty();
            return;
        }
        b.endOpen();
        Map<String, List<String>> byName = new TreeMap<>();
        for (NWFilterDef.Filterref.Parameter p : params) {
            byName.computeIfAbsent(p.name, k -> new ArrayList<>()).add(p.value);
        }
        byName.forEach((name, values) -> values.forEach(v -> b.open("parameter").attr("name", name)
                .attr("value", v).endEmpty()));
        b.close("filterref");
    }
}
