package org.jvirt.daemon.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.sasl.SaslException;

/**
 * What SASL authentication follows, from the configuration: the users (etc/sasl-users), the mechanisms offered,
 * and sasl_allowed_username_list. On plain TCP only a mechanism with a security layer is offered (DIGEST-MD5), as a
 * libvirt client insists on one there; on secure channels (TLS, unix sockets) the others, SCRAM-SHA-256 first.
 */
final class SaslAuthority {
    static final String SCRAM = "SCRAM-SHA-256";
    static final String DIGEST = "DIGEST-MD5";

    private final SaslUsers users;
    private final List<String> mechanisms;
    private final List<String> allowed;
    private final byte[] decoySeed = new byte[16];
    // SCRAM keys of users whose file entry is a password, made once per password
    private final Map<String, Derived> derived = new ConcurrentHashMap<>();

    /** SCRAM keys made from a password (a new password makes new keys). */
    private record Derived(String password, ScramCredentials credentials) {
    }

    private SaslAuthority(SaslUsers users, List<String> mechanisms, List<String> allowed) {
        this.users = users;
        this.mechanisms = mechanisms;
        this.allowed = allowed;
        new SecureRandom().nextBytes(decoySeed);
    }

    static SaslAuthority of(DaemonConfig config) {
        return new SaslAuthority(new SaslUsers(config.saslUsers()), config.saslMechanisms(),
                config.saslAllowedUsernameList());
    }

    /** The mechanisms offered on a channel that is {@code secure} or not, in libvirt's comma-separated form. */
    String mechanisms(boolean secure) {
        List<String> out = new ArrayList<>();
        for (String m : mechanisms) {
            boolean layer = m.equals(DIGEST);
            if (secure ? !layer : layer) {
                out.add(m);
            }
        }
        if (out.isEmpty() && secure && mechanisms.contains(DIGEST)) {
            out.add(DIGEST);
        }
        return String.join(",", out);
    }

    /** Starts an exchange of mechanism {@code mech}, if offered on this channel. */
    SaslExchange start(String mech, boolean secure) throws SaslException {
        if (!List.of(mechanisms(secure).split(",")).contains(mech)) {
            throw new SaslException("mechanism " + mech + " is not offered");
        }
        return switch (mech) {
            case SCRAM -> new ScramSha256Exchange(this);
            case DIGEST -> new DigestMd5Exchange(this, secure);
            default -> throw new SaslException("mechanism " + mech + " is not supported");
        };
    }

    SaslUsers.Secret secret(String user) {
        return users.lookup(user);
    }

    /** The SCRAM keys of {@code user}, or {@code null} when there is no such user. */
    ScramCredentials scramCredentials(String user) {
        SaslUsers.Secret s = users.lookup(user);
        if (s == null) {
            return null;
        }
        if (s.scram() != null) {
            return s.scram();
        }
        String password = s.password();
        return derived.compute(user, (u, old) -> {
            if (old != null && old.password().equals(password)) {
                return old;
            }
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            return new Derived(password, ScramCredentials.of(password, salt, ScramCredentials.ITERATIONS));
        }).credentials();
    }

    /** A salt for a user that does not exist, the same each time, so probing does not tell users apart. */
    ScramCredentials decoy(String user) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(decoySeed);
            byte[] salt = java.util.Arrays.copyOf(md.digest(user.getBytes(StandardCharsets.UTF_8)), 16);
            return new ScramCredentials(salt, ScramCredentials.ITERATIONS, new byte[32], new byte[32]);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** sasl_allowed_username_list: shell wildcards; everyone when empty. */
    boolean allowed(String user) {
        if (allowed.isEmpty()) {
            return true;
        }
        for (String pattern : allowed) {
            if (ClientDnCheck.glob(pattern).matcher(user).matches()) {
                return true;
            }
        }
        return false;
    }
}
