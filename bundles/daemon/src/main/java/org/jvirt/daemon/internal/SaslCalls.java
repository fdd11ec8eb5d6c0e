package org.jvirt.daemon.internal;

import javax.security.sasl.SaslException;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslInitRet;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStartArgs;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStartRet;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStepArgs;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStepRet;
import org.jvirt.rpc.transport.SaslFramedChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AUTH_SASL_INIT, _START and _STEP as libvirtd answers them: INIT lists the mechanisms, START and STEP carry the
 * mechanism's messages (a null message and an empty one differ, as SASL has it). On completion the channel's
 * strength is checked (56 bits at least on plain TCP), then the user against sasl_allowed_username_list; every
 * failure is "authentication failed" and ends the exchange.
 */
final class SaslCalls {
    private static final Logger LOG = LoggerFactory.getLogger(SaslCalls.class);
    /** libvirtd's floor for a layer on an unencrypted channel ("56 is good for Kerberos"). */
    private static final int MIN_SSF = 56;

    private SaslCalls() {
    }

    static VirtException failed() {
        return new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC, "authentication failed");
    }

    static AuthSaslInitRet init(CallContext c, DaemonContext context) {
        ClientSession s = c.session();
        synchronized (s.lock()) {
            if (s.service().auth() != Service.Auth.SASL || s.authenticated() || s.authState() != null) {
                LOG.debug("{}: client tried invalid SASL init request", s.client().name());
                throw failed();
            }
            String mechs = context.sasl().mechanisms(s.service().secure());
            s.authState(new Pending(mechs));
            return new AuthSaslInitRet(mechs);
        }
    }

    /** After INIT: the mechanisms offered; after START: the exchange. */
    private record Pending(String mechanisms) {
    }

    static AuthSaslStartRet start(CallContext c, AuthSaslStartArgs a, DaemonContext context) {
        ClientSession s = c.session();
        synchronized (s.lock()) {
            if (!(s.authState() instanceof Pending)) {
                LOG.debug("{}: client tried invalid SASL start request", s.client().name());
                s.authState(null);
                throw failed();
            }
            try {
                SaslExchange x = context.sasl().start(a.mech(), s.service().secure());
                s.authState(x);
                byte[] out = x.evaluate(a.nil() != 0 ? null : a.data());
                boolean done = x.isComplete() && finish(c, x, context);
                return new AuthSaslStartRet(done ? 1 : 0, out == null ? 1 : 0, out == null ? new byte[0] : out);
            } catch (SaslException | RuntimeException e) {
                return fail(s, e);
            }
        }
    }

    static AuthSaslStepRet step(CallContext c, AuthSaslStepArgs a, DaemonContext context) {
        ClientSession s = c.session();
        synchronized (s.lock()) {
            if (!(s.authState() instanceof SaslExchange x)) {
                LOG.debug("{}: client tried invalid SASL step request", s.client().name());
                s.authState(null);
                throw failed();
            }
            try {
                byte[] out = x.evaluate(a.nil() != 0 ? null : a.data());
                boolean done = x.isComplete() && finish(c, x, context);
                return new AuthSaslStepRet(done ? 1 : 0, out == null ? 1 : 0, out == null ? new byte[0] : out);
            } catch (SaslException | RuntimeException e) {
                return fail(s, e);
            }
        }
    }

    private static <T> T fail(ClientSession s, Exception e) {
        LOG.info("{}: SASL authentication failed: {}", s.client().name(), e.getMessage());
        if (s.authState() instanceof SaslExchange x) {
            x.dispose();
        }
        s.authState(null);
        throw failed();
    }

    /** libvirtd's remoteSASLFinish: strength on insecure channels, then the user; the layer after this reply. */
    private static boolean finish(CallContext c, SaslExchange x, DaemonContext context) throws SaslException {
        ClientSession s = c.session();
        int ssf = x.ssf();
        if (!s.service().secure() && ssf < MIN_SSF) {
            throw new SaslException("negotiated SSF " + ssf + " was not strong enough");
        }
        String user = x.user();
        if (user == null || !context.sasl().allowed(user)) {
            throw new SaslException("SASL client " + user + " not allowed in whitelist");
        }
        s.authenticated(true);
        s.authState(null);
        LOG.info("{}: authenticated as {} by SASL (SSF {})", s.client().name(), user, ssf);
        if (ssf > 0) {
            c.call().afterReply(() -> s.client().wrapChannel(ch -> new SaslFramedChannel(ch, x)));
        } else {
            x.dispose();
        }
        return true;
    }
}
