package org.jvirt.daemon.internal;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/**
 * libvirtd's check of a TLS client after the handshake: its certificate (already verified against the CA by the
 * handshake) must be current, and its DN must match one of tls_allowed_dn_list's patterns when that list is set
 * (shell wildcards, against the DN written as RFC 4514 does: "CN=client,O=Example,C=GB").
 */
final class ClientDnCheck {
    private ClientDnCheck() {
    }

    /** Throws with the reason when the client may not go on. */
    static void check(SSLSession session, boolean noVerify, List<String> allowed) throws SSLPeerUnverifiedException {
        Certificate[] peer;
        try {
            peer = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            if (noVerify) {
                return;
            }
            throw e;
        }
        if (noVerify || allowed.isEmpty()) {
            return;
        }
        X509Certificate cert = (X509Certificate) peer[0];
        String dn = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String pattern : allowed) {
            if (glob(pattern).matcher(dn).matches()) {
                return;
            }
        }
        throw new SSLPeerUnverifiedException("client's x509 Distinguished Name is not on the list: " + dn);
    }

    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
