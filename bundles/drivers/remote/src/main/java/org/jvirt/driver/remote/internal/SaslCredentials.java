package org.jvirt.driver.remote.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.Credential;
import org.jvirt.api.CredentialType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a SASL mechanism asks of the user, asked through the caller's callback as libvirt's client does: everything a
 * step needs in one request, with cyrus-sasl's prompts. Failures are libvirt's: no callback, or a callback that
 * fails, ends the authentication with AUTH_FAILED.
 */
final class SaslCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(SaslCredentials.class);
    /** cyrus-sasl's prompts, which libvirt's callbacks show. */
    static final String AUTHNAME_PROMPT = "Please enter your authentication name";
    static final String PASSWORD_PROMPT = "Please enter your password";

    private final ConnectAuth auth;

    SaslCredentials(ConnectAuth auth) {
        this.auth = auth;
    }

    /** The user name and pass phrase, asked together; {@code defaultName} is offered as the name's default. */
    String[] nameAndPassword(String defaultName) {
        List<Credential> asked = new ArrayList<>();
        asked.add(new Credential(CredentialType.AUTHNAME, AUTHNAME_PROMPT, null, defaultName));
        asked.add(new Credential(CredentialType.PASSPHRASE, PASSWORD_PROMPT, null, null));
        ask(asked);
        return new String[] {asked.get(0).result(), asked.get(1).result()};
    }

    private void ask(List<Credential> asked) {
        if (auth == null) {
            throw failed("No authentication callback available");
        }
        for (Credential c : asked) {
            if (!auth.supportedTypes().contains(c.type())) {
                // libvirt registers only the types the callback names: the mechanism cannot get this one
                LOG.debug("remote: the authentication callback does not answer {}", c.type().libvirtName());
                throw failed("Failed to collect auth credentials");
            }
        }
        try {
            auth.request(asked);
        } catch (RuntimeException e) {
            LOG.debug("remote: the authentication callback failed: {}", e.getMessage());
            throw failed("Failed to collect auth credentials");
        }
        for (Credential c : asked) {
            if (c.result() == null) {
                LOG.debug("remote: the authentication callback left {} unanswered", c.type().libvirtName());
                throw failed("Failed to collect auth credentials");
            }
        }
    }

    static VirtException failed(String detail) {
        return new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE, detail);
    }
}
