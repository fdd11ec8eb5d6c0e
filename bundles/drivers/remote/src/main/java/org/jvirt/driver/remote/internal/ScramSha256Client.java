package org.jvirt.driver.remote.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.sasl.SaslException;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677), which Java's SASL providers lack: client-first, then the
 * client's proof against the server's salt and nonce, then the server's signature checked (mutual authentication).
 * No channel binding and no security layer, as libvirt's client asks for on secure channels; the user name and
 * pass phrase come from the caller's callback with the first message.
 */
final class ScramSha256Client implements SaslClientSession {
    static final String NAME = "SCRAM-SHA-256";
    /** gs2 header: no channel binding, no authorization identity. */
    private static final String GS2 = "n,,";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SaslCredentials credentials;
    private String clientFirstBare;
    private String clientNonce;
    private String password;
    private byte[] expectedServerSignature;
    private int state;
    private boolean complete;

    private final java.util.function.Supplier<String> nonces;

    ScramSha256Client(SaslCredentials credentials) {
        this(credentials, ScramSha256Client::freshNonce);
    }

    /** With the client nonces of {@code nonces} (tests replay RFC 7677's example). */
    ScramSha256Client(SaslCredentials credentials, java.util.function.Supplier<String> nonces) {
        this.credentials = credentials;
        this.nonces = nonces;
    }

    private static String freshNonce() {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().withoutPadding().encodeToString(nonce);
    }

    @Override
    public String mechanism() {
        return NAME;
    }

    @Override
    public byte[] start() throws SaslException {
        String[] answers = credentials.nameAndPassword(null);
        String user = saslName(answers[0]);
        password = answers[1];
        clientNonce = nonces.get();
        clientFirstBare = "n=" + user + ",r=" + clientNonce;
        state = 1;
        return utf8(GS2 + clientFirstBare);
    }

    /** RFC 5802's saslname: ',' and '=' escaped (the name is taken as given: no SASLprep beyond that). */
    private static String saslName(String name) throws SaslException {
        if (name.isEmpty()) {
            throw new SaslException("SCRAM: empty user name");
        }
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    @Override
    public byte[] step(byte[] challenge) throws SaslException {
        if (challenge == null) {
            throw new SaslException("SCRAM: the server sent no data");
        }
        String msg = new String(challenge, StandardCharsets.UTF_8);
        return switch (state) {
            case 1 -> clientFinal(msg);
            case 2 -> serverFinal(msg);
            default -> throw new SaslException("SCRAM: unexpected server data after completion");
        };
    }

    private byte[] clientFinal(String serverFirst) throws SaslException {
        Map<String, String> a = attributes(serverFirst);
        if (a.containsKey("m")) {
            throw new SaslException("SCRAM: unsupported mandatory extension");
        }
        String nonce = a.get("r");
        String salt = a.get("s");
        String iter = a.get("i");
        if (nonce == null || salt == null || iter == null || !nonce.startsWith(clientNonce)
                || nonce.length() == clientNonce.length()) {
            throw new SaslException("SCRAM: malformed server-first message");
        }
        int iterations;
        byte[] saltBytes;
        try {
            iterations = Integer.parseInt(iter);
            saltBytes = Base64.getDecoder().decode(salt);
        } catch (IllegalArgumentException e) {
            throw new SaslException("SCRAM: malformed server-first message", e);
        }
        if (iterations < 1) {
            throw new SaslException("SCRAM: bad iteration count " + iterations);
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(utf8(GS2)) + ",r=" + nonce;
        byte[] authMessage = utf8(clientFirstBare + "," + serverFirst + "," + withoutProof);
        try {
            byte[] salted = salted(password, saltBytes, iterations);
            byte[] clientKey = hmac(salted, utf8("Client Key"));
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] clientSignature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
            }
            expectedServerSignature = hmac(hmac(salted, utf8("Server Key")), authMessage);
            password = null;
            state = 2;
            return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
        } catch (GeneralSecurityException e) {
            throw new SaslException("SCRAM: " + e.getMessage(), e);
        }
    }

    private byte[] serverFinal(String msg) throws SaslException {
        Map<String, String> a = attributes(msg);
        if (a.containsKey("e")) {
            throw new SaslException("SCRAM: the server refused: " + a.get("e"));
        }
        String v = a.get("v");
        byte[] signature;
        try {
            signature = v == null ? null : Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            signature = null;
        }
        if (signature == null || !MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new SaslException("SCRAM: the server's signature does not match");
        }
        complete = true;
        state = 3;
        return new byte[0];
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new HashMap<>();
        for (String part : text.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                out.putIfAbsent(part.substring(0, 1), part.substring(2));
            }
        }
        return out;
    }

    private static byte[] salted(String password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public int ssf() {
        return 0;
    }

    @Override
    public int maxRawSend() {
        return 0;
    }

    @Override
    public byte[] wrap(byte[] data, int off, int len) throws SaslException {
        throw new SaslException("SCRAM-SHA-256 has no security layer");
    }

    @Override
    public byte[] unwrap(byte[] data, int off, int len) throws SaslException {
        throw new SaslException("SCRAM-SHA-256 has no security layer");
    }

    @Override
    public void dispose() {
        password = null;
    }
}
