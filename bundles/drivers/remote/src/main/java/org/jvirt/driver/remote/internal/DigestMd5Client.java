package org.jvirt.driver.remote.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** cyrus-sasl's choice among the ciphers of the high group: rc4 (SSF 128) before 3des (112). */
    private static final String PREFERRED_CIPHER = "rc4";
    private static final Pattern CIPHERS = Pattern.compile("(?:^|,)\\s*cipher\\s*=\\s*\"([^\"]*)\"");
    private static final String CIPHER_PROPERTY = "com.sun.security.sasl.digest.cipher";

    private final String host;
    private final boolean secure;
    private final SaslCredentials credentials;
    private SaslClient client;
    private boolean rc4;

    DigestMd5Client(String host, boolean secure, SaslCredentials credentials) {
        this.host = host;
        this.secure = secure;
        this.credentials = credentials;
    }

    /**
     * Java's client, made when the server's challenge shows its ciphers: Java would take 3des of the high group,
     * which cyrus-sasl on OpenSSL 3 (Debian's libvirtd) cannot start; cyrus-sasl's own client takes rc4, the
     * strongest, and so does this one when it is offered.
     */
    private SaslClient create(byte[] challenge) throws SaslException {
        Map<String, Object> props = new HashMap<>();
        props.put(Sasl.QOP, secure ? "auth" : "auth-conf");
        if (!secure) {
            props.put(Sasl.STRENGTH, "high");
            rc4 = offeredCiphers(challenge).contains(PREFERRED_CIPHER);
            if (rc4) {
                props.put(CIPHER_PROPERTY, PREFERRED_CIPHER);
            }
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
        return c;
    }

    /** The ciphers a DIGEST-MD5 challenge offers (RFC 2831's cipher directive). */
    static List<String> offeredCiphers(byte[] challenge) {
        if (challenge == null) {
            return List.of();
        }
        Matcher m = CIPHERS.matcher(new String(challenge, StandardCharsets.UTF_8));
        if (!m.find()) {
            return List.of();
        }
        return Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
    }

    @Override
    public String mechanism() {
        return NAME;
    }

    @Override
    public byte[] start() {
        // DIGEST-MD5 has no initial response: the server speaks first
        return null;
    }

    @Override
    public byte[] step(byte[] challenge) throws SaslException {
        if (client == null) {
            client = create(challenge);
        }
        return client.evaluateChallenge(challenge == null ? new byte[0] : challenge);
    }

    @Override
    public boolean isComplete() {
        return client != null && client.isComplete();
    }

    @Override
    public int ssf() {
        if (!isComplete() || !"auth-conf".equals(client.getNegotiatedProperty(Sasl.QOP))) {
            return 0;
        }
        // cyrus-sasl's ratings: rc4 128, 3des 112; without rc4 Java names only the group, so its lower one
        Object strength = client.getNegotiatedProperty(Sasl.STRENGTH);
        return !"high".equals(strength) ? 40 : rc4 ? 128 : 112;
    }

    @Override
    public int maxRawSend() {
        Object raw = client.getNegotiatedProperty(Sasl.RAW_SEND_SIZE);
        return raw == null ? 65536 : Integer.parseInt(raw.toString());
    }

    @Override
    public byte[] wrap(byte[] data, int off, int len) throws SaslException {
        return client.wrap(data, off, len);
    }

    @Override
    public byte[] unwrap(byte[] data, int off, int len) throws SaslException {
        return client.unwrap(data, off, len);
    }

    @Override
    public void dispose() {
        if (client == null) {
            return;
        }
        try {
            client.dispose();
        } catch (SaslException e) {
            // nothing is held that outlives the connection
        }
    }
}
