package org.jvirt.driver.remote.internal;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.RealmChoiceCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

/**
 * DIGEST-MD5 through Java's own SASL client. On a channel that is not secure it asks, as libvirt asks cyrus-sasl
 * for an SSF of 56 at least, for the confidentiality layer (auth-conf) with a high-strength cipher (3des or rc4;
 * Java's medium group holds des, which cyrus rates 55 and libvirt would refuse); on a secure channel, as libvirt
 * asks for no layer there (maximum SSF 0), authentication alone.
 */
final class DigestMd5Client implements SaslClientSession {
    static final String NAME = "DIGEST-MD5";

    private final SaslClient client;

    DigestMd5Client(String host, boolean secure, SaslCredentials credentials) throws SaslException {
        Map<String, Object> props = new HashMap<>();
        props.put(Sasl.QOP, secure ? "auth" : "auth-conf");
        if (!secure) {
            props.put(Sasl.STRENGTH, "high");
        }
        props.put(Sasl.MAX_BUFFER, "65536");
        SaslClient c = Sasl.createSaslClient(new String[] {NAME}, null, "libvirt", host, props, callbacks -> {
            NameCallback name = null;
            PasswordCallback password = null;
            for (Callback cb : callbacks) {
                if (cb instanceof NameCallback n) {
                    name = n;
                } else if (cb instanceof PasswordCallback p) {
                    password = p;
                } else if (cb instanceof RealmCallback r) {
                    // the realm the server offers, as cyrus-sasl's client takes it without asking
                    r.setText(r.getDefaultText());
                } else if (cb instanceof RealmChoiceCallback r) {
                    r.setSelectedIndex(r.getDefaultChoice());
                } else {
                    throw new UnsupportedCallbackException(cb);
                }
            }
            if (name != null || password != null) {
                String[] answers = credentials.nameAndPassword(null);
                if (name != null) {
                    name.setName(answers[0]);
                }
                if (password != null) {
                    password.setPassword(answers[1].toCharArray());
                }
            }
        });
        if (c == null) {
            throw new SaslException("this Java has no DIGEST-MD5 client");
        }
        this.client = c;
    }

    @Override
    public String mechanism() {
        return NAME;
    }

    @Override
    public byte[] start() throws SaslException {
        return client.hasInitialResponse() ? client.evaluateChallenge(new byte[0]) : null;
    }

    @Override
    public byte[] step(byte[] challenge) throws SaslException {
        byte[] out = client.evaluateChallenge(challenge == null ? new byte[0] : challenge);
        return out;
    }

    @Override
    public boolean isComplete() {
        return client.isComplete();
    }

    @Override
    public int ssf() {
        if (!client.isComplete() || !"auth-conf".equals(client.getNegotiatedProperty(Sasl.QOP))) {
            return 0;
        }
        // cyrus-sasl's ratings: 3des 112, rc4 128; Java tells only the group, so the lower one of it
        Object strength = client.getNegotiatedProperty(Sasl.STRENGTH);
        return "high".equals(strength) ? 112 : "medium".equals(strength) ? 55 : 40;
    }

    @Override
    public int maxRawSend() {
        Object raw = client.getNegotiatedProperty(Sasl.RAW_SEND_SIZE);
        return raw == null ? 65536 : Integer.parseInt(raw.toString());
    }

    @Override
    public byte[] wrap(byte[] data, int length) throws SaslException {
        return client.wrap(data, 0, length);
    }

    @Override
    public byte[] unwrap(byte[] data) throws SaslException {
        return client.unwrap(data, 0, data.length);
    }

    @Override
    public void dispose() {
        try {
            client.dispose();
        } catch (SaslException e) {
            // nothing is held that outlives the connection
        }
    }
}
