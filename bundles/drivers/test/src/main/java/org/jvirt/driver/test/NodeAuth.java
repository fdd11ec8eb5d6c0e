package org.jvirt.driver.test;

import java.util.List;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.Credential;
import org.jvirt.api.CredentialType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.TestNodeXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake authentication of a node file with an {@code <auth>} section (libvirt's testConnectAuthenticate): the
 * caller's credential callback is asked for a user name, and for a password when that user has one or is unknown,
 * with the prompts of libvirt's virAuthGetUsername and virAuthGetPassword for service "test" on "localhost".
 */
final class NodeAuth {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAuth.class);
    private static final String HOST = "localhost";

    private NodeAuth() {
    }

    static void check(List<TestNodeXml.AuthUser> users, ConnectAuth auth) {
        if (users.isEmpty()) {
            return;
        }
        String username = ask(auth, new Credential(CredentialType.AUTHNAME, "Enter username for " + HOST, HOST,
                null), "Username request failed", "Missing VIR_CRED_AUTHNAME credential type", CredentialType.AUTHNAME);
        TestNodeXml.AuthUser user = null;
        for (TestNodeXml.AuthUser u : users) {
            if (u.name().equals(username)) {
                user = u;
                break;
            }
        }
        String password = null;
        // an unknown user is asked for a password all the same
        if (user == null || user.password() != null) {
            CredentialType type = auth.supportedTypes().contains(CredentialType.PASSPHRASE) ? CredentialType.PASSPHRASE
                    : CredentialType.NOECHOPROMPT;
            password = ask(auth, new Credential(type, "Enter " + username + "'s password for " + HOST, HOST, null),
                    "Password request failed", "Missing VIR_CRED_PASSPHRASE or VIR_CRED_NOECHOPROMPT credential type",
                    CredentialType.PASSPHRASE, CredentialType.NOECHOPROMPT);
        }
        if (user == null || password != null && !password.equals(user.password())) {
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.TEST,
                    "authentication failed, see test XML for the correct username/password");
        }
    }

    /** One credential from the callback, if it takes any of {@code types}. */
    private static String ask(ConnectAuth auth, Credential cred, String failed, String missing,
            CredentialType... types) {
        if (auth == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.AUTH, "Missing authentication credentials");
        }
        boolean supported = false;
        for (CredentialType t : types) {
            supported |= auth.supportedTypes().contains(t);
        }
        if (!supported) {
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.AUTH, missing);
        }
        try {
            auth.request(List.of(cred));
        } catch (RuntimeException e) {
            LOG.debug("test driver: credential callback failed: {}", e.toString());
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.AUTH, failed);
        }
        if (cred.result() == null) {
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.AUTH, failed);
        }
        return cred.result();
    }
}
