package org.jvirt.rpc;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A message that breaks libvirt's wire protocol: a bad length, a truncated or malformed XDR body, an unknown
 * message type. It is libvirt's {@code VIR_ERR_RPC} from {@code VIR_FROM_RPC}, so it travels and prints like any
 * other libvirt error.
 */
public class ProtocolException extends VirtException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String detail) {
        super(ErrorCode.RPC, ErrorDomain.RPC, detail);
    }

    public ProtocolException(String detail, Throwable cause) {
        super(ErrorCode.RPC, ErrorDomain.RPC, detail, cause);
    }
}
