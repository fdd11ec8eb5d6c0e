package org.jvirt.driver.remote.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.security.sasl.SaslException;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStartArgs;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStartRet;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStepArgs;
import org.jvirt.rpc.remote.RemoteProtocol.AuthSaslStepRet;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.SaslFramedChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SASL authentication as libvirt's client runs it (remoteAuthSASL): AUTH_SASL_INIT for the server's mechanisms, the
 * mechanism picked (the URI's {@code auth=sasl.MECH}, else the best this client can do on this channel), START and
 * STEP until both sides are complete, then on a channel that is not secure an SSF of 56 at least, and the security
 * layer over the channel when the mechanism negotiated one.
 */
final class SaslAuthentication {
    private static final Logger LOG = LoggerFactory.getLogger(SaslAuthentication.class);
    /** libvirt's floor on a channel that is not secure: "56 == DES level, good for Kerberos". */
    static final int MIN_SSF = 56;

    private SaslAuthentication() {
    }

    /** What authentication left: whether a security layer now covers the channel. */
    record Outcome(String mechanism, int ssf) {
    }

    /**
     * Authenticates on {@code client}; {@code secure} when the channel is (TLS, a unix socket), {@code wanted} the
     * mechanism the URI asks for or {@code null}.
     */
    static Outcome run(RpcClient client, SaslFramedChannel channel, boolean secure, String host, String wanted,
            SaslCredentials credentials, Duration t) {
        String offered = client.call(RemoteProtocol.AUTH_SASL_INIT, null, t).mechlist();
        LOG.debug("remote: server offers SASL mechanisms '{}'", offered);
        List<String> candidates = Arrays.asList(offered.split(","));
        if (wanted != null) {
            // libvirt looks for the name anywhere in the server's list
            if (!offered.contains(wanted)) {
                throw SaslCredentials.failed("SASL mechanism " + wanted + " not supported by server");
            }
            candidates = List.of(wanted);
        }
        SaslClientSession session = pick(candidates, secure, host, credentials);
        boolean done = false;
        try {
            byte[] out;
            try {
                out = session.start();
            } catch (SaslException e) {
                throw negotiation("start", e);
            }
            checkLength(out);
            LOG.debug("remote: SASL start with {}, {} bytes", session.mechanism(), out == null ? -1 : out.length);
            AuthSaslStartRet sret = client.call(RemoteProtocol.AUTH_SASL_START,
                    new AuthSaslStartArgs(session.mechanism(), out == null ? 1 : 0, orEmpty(out)), t);
            boolean serverComplete = sret.complete() != 0;
            byte[] in = sret.nil() != 0 ? null : sret.data();
            // even when the server is done, the client takes one more step to check what it said (mutual auth)
            while (!(serverComplete && session.isComplete())) {
                try {
                    out = session.step(in);
                } catch (SaslException e) {
                    throw negotiation("step", e);
                }
                if (serverComplete && session.isComplete()) {
                    break;
                }
                if (serverComplete) {
                    throw negotiation("step", new SaslException("the server completed before the client"));
                }
                checkLength(out);
                AuthSaslStepRet pret = client.call(RemoteProtocol.AUTH_SASL_STEP,
                        new AuthSaslStepArgs(out == null ? 1 : 0, orEmpty(out)), t);
                serverComplete = pret.complete() != 0;
                in = pret.nil() != 0 ? null : pret.data();
            }
            int ssf = session.ssf();
            if (!secure) {
                LOG.debug("remote: SASL SSF value {}", ssf);
                if (ssf < MIN_SSF) {
                    throw SaslCredentials.failed("negotiation SSF " + ssf + " was not strong enough");
                }
            }
            if (ssf > 0) {
                channel.secure(session);
            }
            done = true;
            LOG.debug("remote: SASL authentication complete ({}, SSF {})", session.mechanism(), ssf);
            return new Outcome(session.mechanism(), ssf);
        } finally {
            if (!done || session.ssf() == 0) {
                session.dispose();
            }
        }
    }

    /**
     * The mechanism cyrus-sasl would pick from {@code candidates} under libvirt's properties: on a channel that is
     * not secure only one with a layer of 56 bits or more (DIGEST-MD5 here); on a secure one SCRAM-SHA-256 before
     * DIGEST-MD5 (it resists an active attacker and keeps no password on the server).
     */
    static SaslClientSession pick(List<String> candidates, boolean secure, String host, SaslCredentials credentials) {
        List<String> upper = candidates.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).toList();
        if (secure && upper.contains(ScramSha256Client.NAME)) {
            return new ScramSha256Client(credentials);
        }
        if (upper.contains(DigestMd5Client.NAME)) {
            return new DigestMd5Client(host, secure, credentials);
        }
        // cyrus-sasl's words when no offered mechanism meets the properties
        throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                "Failed to start SASL negotiation: -4 (SASL(-4): no mechanism available: No worthy mechs found)");
    }

    private static void checkLength(byte[] out) {
        if (out != null && out.length > RemoteProtocol.REMOTE_AUTH_SASL_DATA_MAX) {
            throw SaslCredentials.failed("SASL negotiation data too long: " + out.length + " bytes");
        }
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    /** A mechanism's own failure, worded as libvirt's SASL session reports one (domain RPC). */
    private static VirtException negotiation(String phase, SaslException e) {
        LOG.debug("remote: SASL {} failed", phase, e);
        return new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                "Failed to " + phase + " SASL negotiation: -1 (SASL(-1): generic failure: " + e.getMessage() + ")", e);
    }
}
