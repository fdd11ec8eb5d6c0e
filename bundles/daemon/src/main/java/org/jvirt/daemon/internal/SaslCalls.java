package org.jvirt.daemon.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslInitRet;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStartArgs;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStartRet;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStepArgs;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStepRet;

/** AUTH_SASL_INIT, _START and _STEP. */
final class SaslCalls {
    private SaslCalls() {
    }

    static VirtException failed() {
        return new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC, "authentication failed");
    }

    static AuthSaslInitRet init(CallContext c, DaemonContext context) {
        throw failed();
    }

    static AuthSaslStartRet start(CallContext c, AuthSaslStartArgs a, DaemonContext context) {
        throw failed();
    }

    static AuthSaslStepRet step(CallContext c, AuthSaslStepArgs a, DaemonContext context) {
        throw failed();
    }
}
