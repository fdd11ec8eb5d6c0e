package org.jvirt.driver.test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jvirt.api.DomainIPAddress;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.IPAddrType;
import org.jvirt.api.VirtException;
import org.jvirt.conf.network.NetworkDef;

/**
 * The address the test driver makes up for a guest interface on a network (testDomainInterfaceAddressFromNet): the
 * start of the network's first DHCP range (or its own address) plus an offset, with the network's prefix. The
 * network is looked for among the state's networks as they are now (testNetworkObjFindByName).
 */
final class NetworkAddress {
    private NetworkAddress() {
    }

    static DomainIPAddress of(TestState state, String network, long offset) {
        NetworkObj net = network == null ? null : state.objects.networks.byName(network);
        if (net == null) {
            throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                    "no network with matching name '" + network + "'");
        }
        if (net.def.ips.isEmpty()) {
            throw Errors.internal("network '" + network + "' has no address");
        }
        NetworkDef.Ip ip = net.def.ips.get(0);
        boolean v6 = "ipv6".equals(ip.family);
        String base = ip.address;
        NetworkDef.Ip.Dhcp.Range range = ip.dhcp == null ? null : ip.dhcp.range;
        if (range != null && range.start != null) {
            base = range.start;
        }
        int prefix;
        if (ip.prefix != null) {
            prefix = Integer.parseInt(ip.prefix.strip());
        } else if (ip.netmask != null) {
            prefix = Long.bitCount(toLong(ip.netmask));
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
}
