package org.jvirt.daemon.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a SCRAM-SHA-256 server keeps of a password (RFC 5802, RFC 7677): the salt, the iteration count, StoredKey and
 * ServerKey. Written as RFC 5803 does: {@code SCRAM-SHA-256$ITER:SALT$STOREDKEY:SERVERKEY}.
 */
record ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    static final String PREFIX = "SCRAM-SHA-256$";
    /** RFC 7677's minimum, and what cyrus-sasl uses. */
    static final int ITERATIONS = 4096;

    /** The credentials of a password, with a fresh salt. */
    static ScramCredentials of(String password, byte[] salt, int iterations) {
        try {
            byte[] salted = salted(password, salt, iterations);
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] serverKey = hmac(salted, "Server Key");
            return new ScramCredentials(salt, iterations, MessageDigest.getInstance("SHA-256").digest(clientKey),
                    serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Parses the RFC 5803 form; {@code null} when {@code text} is not one (a password, then). */
    static ScramCredentials parse(String text) {
        if (!text.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = text.substring(PREFIX.length()).split("\\$");
        if (parts.length != 2) {
            return null;
        }
        String[] iterSalt = parts[0].split(":");
        String[] keys = parts[1].split(":");
        if (iterSalt.length != 2 || keys.length != 2) {
            return null;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return new ScramCredentials(b64.decode(iterSalt[1]), Integer.parseInt(iterSalt[0]), b64.decode(keys[0]),
                    b64.decode(keys[1]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + ":"
                + b64.encodeToString(serverKey);
    }

    static byte[] salted(String password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        return hmac(key, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** Prints the stored form of a password (for etc/sasl-users): ScramCredentials PASSWORD. */
    public static void main(String[] args) {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        System.out.println(of(args[0], salt, ITERATIONS).format());
    }
}
