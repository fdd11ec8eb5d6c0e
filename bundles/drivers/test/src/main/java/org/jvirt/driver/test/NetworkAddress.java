package org.jvirt.driver.test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jvirt.api.DomainIPAddress;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.IPAddrType;
import org.jvirt.api.VirtException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The address the test driver makes up for a guest interface on a network (testDomainInterfaceAddressFromNet): the
 * start of the network's first DHCP range (or its own address) plus an offset, with the network's prefix. The
 * networks are those of the state's node file.
 */
final class NetworkAddress {
    private NetworkAddress() {
    }

    static DomainIPAddress of(TestState state, String network, long offset) {
        Element net = null;
        for (Element n : state.node.networks()) {
            Element name = child(n, "name");
            if (name != null && name.getTextContent().strip().equals(network)) {
                net = n;
            }
        }
        if (net == null) {
            throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                    "no network with matching name '" + network + "'");
        }
        Element ip = child(net, "ip");
        if (ip == null) {
            throw Errors.internal("network '" + network + "' has no address");
        }
        boolean v6 = "ipv6".equals(ip.getAttribute("family"));
        String base = ip.getAttribute("address");
        Element dhcp = child(ip, "dhcp");
        Element range = dhcp == null ? null : child(dhcp, "range");
        if (range != null && range.hasAttribute("start")) {
            base = range.getAttribute("start");
        }
        int prefix;
        if (ip.hasAttribute("prefix")) {
            prefix = Integer.parseInt(ip.getAttribute("prefix"));
        } else if (ip.hasAttribute("netmask")) {
            prefix = Long.bitCount(toLong(ip.getAttribute("netmask")));
        } else {
            prefix = v6 ? 64 : 24;
        }
        try {
            byte[] b = InetAddress.getByName(base).getAddress();
            if (v6) {
                b[15] = (byte) (b[15] + offset);
            } else {
                long v = (toLong(base) + offset) & 0xffffffffL;
                b = new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
            }
            String text = InetAddress.getByAddress(b).getHostAddress();
            return new DomainIPAddress(v6 ? IPAddrType.IPV6 : IPAddrType.IPV4, text, prefix);
        } catch (UnknownHostException e) {
            throw Errors.internal("invalid address '" + base + "'");
        }
    }

    private static long toLong(String dotted) {
        long v = 0;
        for (String p : dotted.split("\\.")) {
            v = (v << 8) | Integer.parseInt(p);
        }
        return v;
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName() == null ? c.getNodeName() : c.getLocalName())) {
                return c;
            }
        }
        return null;
    }
}
