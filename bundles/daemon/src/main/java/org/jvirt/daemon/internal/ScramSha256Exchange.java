package org.jvirt.daemon.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.security.sasl.SaslException;

/**
 * The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as cyrus-sasl's client speaks it: client-first, server-first,
 * client-final, server-final. No channel binding (libvirt's clients ask for none) and no security layer: it is
 * offered on channels that are secure already (TLS, unix sockets).
 */
final class ScramSha256Exchange implements SaslExchange {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SaslAuthority authority;
    private int step;
    private String user;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private ScramCredentials credentials;
    private boolean complete;

    ScramSha256Exchange(SaslAuthority authority) {
        this.authority = authority;
    }

    @Override
    public byte[] evaluate(byte[] response) throws SaslException {
        if (response == null) {
            throw new SaslException("SCRAM: the client must speak first");
        }
        String msg = new String(response, StandardCharsets.UTF_8);
        return switch (step++) {
            case 0 -> clientFirst(msg);
            case 1 -> clientFinal(msg);
            default -> throw new SaslException("SCRAM: the exchange is over");
        };
    }

    private byte[] clientFirst(String msg) throws SaslException {
        // gs2-header: "n,," or "y,," (no channel binding), optionally with "a=authzid"
        int first = msg.indexOf(',');
        int second = first < 0 ? -1 : msg.indexOf(',', first + 1);
        if (second < 0) {
            throw new SaslException("SCRAM: malformed client-first message");
        }
        String cb = msg.substring(0, first);
        if (!cb.equals("n") && !cb.equals("y")) {
            throw new SaslException("SCRAM: channel binding is not offered");
        }
        String authzid = msg.substring(first + 1, second);
        gs2Header = msg.substring(0, second + 1);
        clientFirstBare = msg.substring(second + 1);
        Map<String, String> attrs = attributes(clientFirstBare);
        String name = attrs.get("n");
        String clientNonce = attrs.get("r");
        if (name == null || clientNonce == null || clientNonce.isEmpty()) {
            throw new SaslException("SCRAM: the client-first message lacks n or r");
        }
        user = unescape(name);
        if (!authzid.isEmpty() && !unescape(authzid.startsWith("a=") ? authzid.substring(2) : authzid).equals(user)) {
            throw new SaslException("SCRAM: authorization as another user is not allowed");
        }
        credentials = authority.scramCredentials(user);
        byte[] serverNonce = new byte[18];
        RANDOM.nextBytes(serverNonce);
        nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        // an unknown user gets a plausible challenge all the same, so the exchange does not tell who exists
        ScramCredentials c = credentials != null ? credentials : authority.decoy(user);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(c.salt()) + ",i=" + c.iterations();
        return serverFirst.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] clientFinal(String msg) throws SaslException {
        int p = msg.lastIndexOf(",p=");
        if (p < 0) {
            throw new SaslException("SCRAM: the client-final message lacks its proof");
        }
        String withoutProof = msg.substring(0, p);
        Map<String, String> attrs = attributes(withoutProof);
        String channel = attrs.get("c");
        if (channel == null || !channel.equals(Base64.getEncoder().encodeToString(
                gs2Header.getBytes(StandardCharsets.UTF_8)))) {
            throw new SaslException("SCRAM: channel binding data does not match");
        }
        if (!nonce.equals(attrs.get("r"))) {
            throw new SaslException("SCRAM: nonce mismatch");
        }
        if (credentials == null) {
            throw new SaslException("SCRAM: no such user");
        }
        try {
            byte[] proof = Base64.getDecoder().decode(msg.substring(p + 3));
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            byte[] auth = authMessage.getBytes(StandardCharsets.UTF_8);
            byte[] clientSignature = ScramCredentials.hmac(credentials.storedKey(), auth);
            if (proof.length != clientSignature.length) {
                throw new SaslException("SCRAM: bad proof");
            }
            byte[] clientKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) {
                clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
            }
            if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(clientKey),
                    credentials.storedKey())) {
                throw new SaslException("SCRAM: wrong password for " + user);
            }
            byte[] serverSignature = ScramCredentials.hmac(credentials.serverKey(), auth);
            complete = true;
            return ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SaslException("SCRAM: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                out.putIfAbsent(part.substring(0, 1), part.substring(2));
            }
        }
        return out;
    }

    private static String unescape(String name) throws SaslException {
        String out = name.replace("=2C", ",").replace("=3D", "=");
        if (out.contains("=")) {
            throw new SaslException("SCRAM: malformed user name");
        }
        return out;
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public int ssf() {
        return 0;
    }

    @Override
    public byte[] wrap(byte[] data, int off, int len) throws SaslException {
        throw new SaslException("SCRAM has no security layer");
    }

    @Override
    public byte[] unwrap(byte[] data, int off, int len) throws SaslException {
        throw new SaslException("SCRAM has no security layer");
    }

    @Override
    public int maxRawSend() {
        return 0;
    }

    @Override
    public void dispose() {
        credentials = null;
    }
}
