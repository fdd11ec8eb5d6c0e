package org.jvirt.rpc;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.xdr.Xdr;
import org.jvirt.rpc.xdr.XdrType;

/**
 * virNetMessageError (the same layout as remote_error): the body of a failed reply or an aborted stream. The
 * numbers are libvirt's error code and domain; {@code level} is virErrorLevel (2 = error).
 */
public record NetError(int code, int domain, String message, int level, ErrorDomainRef dom, String str1,
        String str2, String str3, int int1, int int2, ErrorNetworkRef net) {

    /** virErrorLevel VIR_ERR_ERROR. */
    public static final int LEVEL_ERROR = 2;

    /** The domain an error names (unused by libvirt, kept for the layout). */
    public record ErrorDomainRef(String name, byte[] uuid, int id) {
        public static final XdrType<ErrorDomainRef> XDR = Xdr.struct(ErrorDomainRef.class,
                Xdr.string(Limits.MESSAGE_STRING_MAX), Xdr.fixedOpaque(Limits.UUID_BUFLEN), Xdr.INT);
    }

    /** The network an error names (unused by libvirt, kept for the layout). */
    public record ErrorNetworkRef(String name, byte[] uuid) {
        public static final XdrType<ErrorNetworkRef> XDR = Xdr.struct(ErrorNetworkRef.class,
                Xdr.string(Limits.MESSAGE_STRING_MAX), Xdr.fixedOpaque(Limits.UUID_BUFLEN));
    }

    private static final XdrType<String> OPT_STRING = Xdr.optional(Xdr.string(Limits.MESSAGE_STRING_MAX));

    public static final XdrType<NetError> XDR = Xdr.struct(NetError.class, Xdr.INT, Xdr.INT, OPT_STRING, Xdr.INT,
            Xdr.optional(ErrorDomainRef.XDR), OPT_STRING, OPT_STRING, OPT_STRING, Xdr.INT, Xdr.INT,
            Xdr.optional(ErrorNetworkRef.XDR));

    /** The error as a VirtException with the server's code, domain and message, kept word for word. */
    public VirtException toException() {
        ErrorCode c = ErrorCode.fromValue(code);
        ErrorDomain d = ErrorDomain.fromValue(domain);
        String text = message != null ? message : "unknown error";
        if (c == null) {
            // a code newer than jvirt's table: keep the text, say it is an internal error
            c = ErrorCode.INTERNAL_ERROR;
        }
        return VirtException.withMessage(c, d == null ? ErrorDomain.NONE : d, text);
    }

    /** The error to send for a VirtException: its numbers and its whole message, as libvirtd sends them. */
    public static NetError of(VirtException e) {
        return new NetError(e.code().value(), e.domain().value(), e.getMessage(), LEVEL_ERROR, null, null,
                e.detail(), null, -1, -1, null);
    }

    /** An error from anything else: libvirt's internal error, so no Java detail reaches the peer unasked. */
    public static NetError of(Throwable t) {
        if (t instanceof VirtException v) {
            return of(v);
        }
        return of(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage())));
    }
}
