package org.jvirt.shell.internal.commands;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * domdisplay: the URI of a running domain's graphical display (vnc, spice, rdp, in that order), built from its
 * XML as virsh's cmdDomDisplay builds it: a socket or an address (the connection's host for a wildcard), the port
 * (VNC's less 5900), the TLS port and the password as query parameters.
 */
final class DomainDisplay {
    private static final List<String> SCHEMES = List.of("vnc", "spice", "rdp");

    private DomainDisplay() {
    }

    static void run(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        if (!dom.isActive()) {
            throw new CommandFailure("Domain is not running");
        }
        EnumSet<DomainXMLFlag> flags = args.has("include-password") ? EnumSet.of(DomainXMLFlag.SECURE)
                : EnumSet.noneOf(DomainXMLFlag.class);
        String type = args.string("type");
        boolean all = args.has("all");
        XmlQuery xml = XmlQuery.parse(dom.getXMLDesc(flags));
        boolean found = false;
        for (String scheme : SCHEMES) {
            if (!all && type != null && !type.equals(scheme)) {
                continue;
            }
            String g = "/domain/devices/graphics[@type='" + scheme + "']/";
            int port = number(xml.stringOrNull(g + "@port"));
            int tlsPort = number(xml.stringOrNull(g + "@tlsPort"));
            String listen = xml.stringOrNull(g + "@listen");
            String socket = "socket".equals(xml.stringOrNull(g + "listen/@type"))
                    ? xml.stringOrNull(g + "listen/@socket") : null;
            if (port == 0 && tlsPort == 0 && socket == null) {
                continue;
            }
            if (listen == null) {
                listen = xml.stringOrNull(g + "listen/@address");
            } else if (listen.equals("0.0.0.0") || listen.equals("::") || listen.equals("[::]")) {
                listen = hostOf(ctx);
            }
            String passwd = xml.stringOrNull(g + "@passwd");
            StringBuilder uri = new StringBuilder(scheme).append(socket != null ? "+unix://" : "://");
            if (scheme.equals("vnc") && passwd != null) {
                uri.append(':').append(passwd).append('@');
            }
            if (socket != null) {
                uri.append(socket);
            } else if (listen == null) {
                uri.append("localhost");
            } else if (listen.contains(":")) {
                uri.append('[').append(listen).append(']');
            } else {
                uri.append(listen);
            }
            if (port != 0) {
                uri.append(':').append(scheme.equals("vnc") ? port - 5900 : port);
            }
            StringBuilder query = new StringBuilder();
            if (tlsPort != 0) {
                query.append("tls-port=").append(tlsPort).append('&');
            }
            if (scheme.equals("spice") && passwd != null) {
                query.append("password=").append(passwd).append('&');
            }
            if (query.length() > 0) {
                uri.append('?').append(query, 0, query.length() - 1);
            }
            ctx.print(uri.toString());
            found = true;
            if (!all) {
                break;
            }
            ctx.print("\n");
        }
        if (!found) {
            throw new CommandFailure(type != null ? "No graphical display with type '" + type + "' found"
                    : "No graphical display found");
        }
    }

    /** virXPathInt: a number, or 0 when the attribute is absent or not one. */
    private static int number(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The host of the connection's URI, or null (then "localhost" is shown). */
    private static String hostOf(CommandContext ctx) {
        try {
            return URI.create(ctx.connection().getURI()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
