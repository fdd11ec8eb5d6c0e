package org.jvirt.driver.remote.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.Credential;
import org.jvirt.api.CredentialType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a SASL mechanism asks of the user, found as libvirt's client finds it: first in its authentication file
 * (auth.conf, for service "libvirt" on the URI's host), then, for whatever is still missing, through the caller's
 * callback, everything a step needs in one request, with cyrus-sasl's prompts. Failures are libvirt's: no
 * callback, or a callback that fails, ends the authentication with AUTH_FAILED.
 */
final class SaslCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(SaslCredentials.class);
    /** cyrus-sasl's prompts, which libvirt's callbacks show. */
    static final String AUTHNAME_PROMPT = "Please enter your authentication name";
    static final String PASSWORD_PROMPT = "Please enter your password";

    private final ConnectAuth auth;
    private final Supplier<Path> file;
    private final String host;
    private AuthConfigFile config;

    /** Credentials from the callback alone. */
    SaslCredentials(ConnectAuth auth) {
        this(auth, () -> null, null);
    }

    /** Credentials from the file {@code file} names (read when first needed), then the callback. */
    SaslCredentials(ConnectAuth auth, Supplier<Path> file, String host) {
        this.auth = auth;
        this.file = file;
        this.host = host;
    }

    /** The user name and pass phrase; what the file lacks is asked together. */
    String[] nameAndPassword(String defaultName) {
        String name = fromFile("authname");
        String password = fromFile("password");
        List<Credential> asked = new ArrayList<>();
        Credential nameCred = new Credential(CredentialType.AUTHNAME, AUTHNAME_PROMPT, null, defaultName);
        Credential passCred = new Credential(CredentialType.PASSPHRASE, PASSWORD_PROMPT, null, null);
        if (name == null) {
            asked.add(nameCred);
        }
        if (password == null) {
            asked.add(passCred);
        }
        if (!asked.isEmpty()) {
            ask(asked);
        }
        return new String[] {name != null ? name : nameCred.result(),
                password != null ? password : passCred.result()};
    }

    private String fromFile(String credname) {
        if (config == null) {
            Path p = file.get();
            if (p == null) {
                return null;
            }
            config = AuthConfigFile.load(p);
        }
        return config.lookup("libvirt", host, credname);
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
