package org.jvirt.daemon.internal;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

/**
 * DIGEST-MD5 from Java's own SASL provider: the one mechanism a stock libvirt client (cyrus-sasl without GSSAPI)
 * can use on plain TCP, where libvirt insists on a security layer of at least 56 bits. On plain TCP the layer is
 * required (auth-conf, high or medium strength); on a secure channel none is asked for.
 */
final class DigestMd5Exchange implements SaslExchange {
    private final SaslServer server;
    private final boolean needLayer;

    DigestMd5Exchange(SaslAuthority authority, boolean secure) throws SaslException {
        Map<String, Object> props = new HashMap<>();
        this.needLayer = !secure;
        props.put(Sasl.QOP, secure ? "auth" : "auth-conf");
        props.put(Sasl.STRENGTH, "high,medium");
        props.put(Sasl.MAX_BUFFER, "65536");
        // the realm cyrus-sasl's server offers by default: this host's name
        props.put("com.sun.security.sasl.digest.realm", hostName());
        // unbound: the client names the server as it reached it (its URI's host), as cyrus-sasl's server accepts
        SaslServer s = Sasl.createSaslServer("DIGEST-MD5", "libvirt", null, props, callbacks -> {
            String name = null;
            for (Callback cb : callbacks) {
                if (cb instanceof NameCallback n) {
                    name = n.getDefaultName();
                    n.setName(name);
                } else if (cb instanceof PasswordCallback p) {
                    SaslUsers.Secret secret = name == null ? null : authority.secret(name);
                    // a user with SCRAM keys only, or none at all, cannot be checked here: no password matches
                    p.setPassword(secret == null || secret.password() == null ? null
                            : secret.password().toCharArray());
                } else if (cb instanceof RealmCallback r) {
                    r.setText(r.getDefaultText());
                } else if (cb instanceof AuthorizeCallback a) {
                    a.setAuthorized(a.getAuthenticationID().equals(a.getAuthorizationID()));
                    if (a.isAuthorized()) {
                        a.setAuthorizedID(a.getAuthorizationID());
                    }
                } else {
                    throw new UnsupportedCallbackException(cb);
                }
            }
        });
        if (s == null) {
            throw new SaslException("this Java has no DIGEST-MD5");
        }
        this.server = s;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    @Override
    public byte[] evaluate(byte[] response) throws SaslException {
        return server.evaluateResponse(response == null ? new byte[0] : response);
    }

    @Override
    public boolean isComplete() {
        return server.isComplete();
    }

    @Override
    public String user() {
        return server.getAuthorizationID();
    }

    @Override
    public int ssf() {
        Object qop = server.getNegotiatedProperty(Sasl.QOP);
        if (!"auth-conf".equals(qop)) {
            return 0;
        }
        Object strength = server.getNegotiatedProperty(Sasl.STRENGTH);
        // Java's strengths: high is 3des or rc4 (112 or 128 bits), medium des or rc4-56, low rc4-40
        return "high".equals(strength) ? 112 : "medium".equals(strength) ? 56 : 40;
    }

    @Override
    public byte[] wrap(byte[] data, int off, int len) throws SaslException {
        return server.wrap(data, off, len);
    }

    @Override
    public byte[] unwrap(byte[] data, int off, int len) throws SaslException {
        return server.unwrap(data, off, len);
    }

    @Override
    public int maxRawSend() {
        Object raw = server.getNegotiatedProperty(Sasl.RAW_SEND_SIZE);
        return raw == null ? 65536 : Integer.parseInt(raw.toString());
    }

    @Override
    public void dispose() {
        try {
            server.dispose();
        } catch (SaslException ignored) {
            // nothing held that matters
        }
    }
}
