package org.jvirt.conf.internal;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ChrProtocol;
import org.jvirt.conf.domain.ChrSource;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.Reconnect;
import org.jvirt.conf.domain.RedirdevDef;
import org.jvirt.conf.domain.RngDef;
import org.jvirt.conf.domain.SmartcardDef;

/**
 * The sources of character-device backends (libvirt's virDomainChrSourceDefParseXML) wherever they appear:
 * serial ports and channels, smartcards, USB redirection, RNG backends. A unix socket connects unless told to
 * bind; reconnecting needs a timeout and a connecting end.
 */
final class ChrSourcePostParse {
    private ChrSourcePostParse() {
    }

    /** Checks and completes the sources of a device whose backend type is {@code type}. */
    static void apply(String type, List<ChrSource> sources) {
        if (!"udp".equals(type) && sources.size() > 1) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "only one source element is allowed for character device");
        }
        for (ChrSource s : sources) {
            reconnect(s);
        }
        if ("unix".equals(type)) {
            sources.removeIf(s -> s.path == null);
            for (ChrSource s : sources) {
                if (s.mode == null) {
                    s.mode = "connect";
                }
            }
        }
    }

    private static void reconnect(ChrSource s) {
        Reconnect r = s.reconnect;
        if (r == null) {
            return;
        }
        if (r.enabled == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "missing reconnect enabled attribute");
        }
        if (!r.enabled.equals("yes") && !r.enabled.equals("no")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "invalid reconnect enabled value: '" + r.enabled + "'");
        }
        if (r.enabled.equals("yes")) {
            if (r.timeout == null) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "missing timeout for chardev with reconnect enabled");
            }
            if ("bind".equals(s.mode)) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "chardev reconnect is possible only for connect mode");
            }
        } else {
            r.timeout = null;
        }
    }

    /** Only a TCP backend has a wire protocol, raw unless named (libvirt drops it from the other types). */
    static ChrProtocol protocol(String type, ChrProtocol protocol) {
        if (!"tcp".equals(type)) {
            return null;
        }
        if (protocol == null || protocol.type == null) {
            ChrProtocol raw = new ChrProtocol();
            raw.type = "raw";
            return raw;
        }
        return protocol;
    }

    /** A socket backend of a device that is not a port must name its path. */
    private static void requirePath(String type, List<ChrSource> sources) {
        if ("unix".equals(type) && (sources.isEmpty() || sources.stream().anyMatch(s -> s.path == null))) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "Missing source path attribute for char device");
        }
    }

    /** The backends of smartcards, USB redirection and RNGs. */
    static void others(Devices d) {
        for (SmartcardDef s : d.smartcards) {
            if (s.source != null) {
                List<ChrSource> one = new java.util.ArrayList<>(List.of(s.source));
                requirePath(s.type, one);
                apply(s.type, one);
                s.source = one.isEmpty() ? null : one.get(0);
            }
            s.protocol = protocol(s.type, s.protocol);
        }
        for (RedirdevDef r : d.redirdevs) {
            if (r.source != null) {
                List<ChrSource> one = new java.util.ArrayList<>(List.of(r.source));
                requirePath(r.type, one);
                apply(r.type, one);
                r.source = one.isEmpty() ? null : one.get(0);
            }
            r.protocol = protocol(r.type, r.protocol);
        }
        for (RngDef r : d.rngs) {
            if (r.backend != null && "egd".equals(r.backend.model)) {
                requirePath(r.backend.type, r.backend.sources);
            }
            if (r.backend != null) {
                apply(r.backend.type, r.backend.sources);
                if ("egd".equals(r.backend.model)) {
                    r.backend.protocol = protocol(r.backend.type, r.backend.protocol);
                }
            }
        }
    }
}
