package org.jvirt.jmx.internal.remote;

import java.io.IOException;

import javax.management.remote.JMXAuthenticator;
import javax.security.auth.Subject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a remote JMX client by the user name and password it sends (JMXConnector.CREDENTIALS, a String[2]),
 * then gives its Subject the role the access file names for it. A user without a role is refused like a wrong
 * password: a client learns nothing about which users exist.
 */
final class RoleAuthenticator implements JMXAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(RoleAuthenticator.class);

    private final CredentialCheck check;
    private final AccessFile access;

    RoleAuthenticator(CredentialCheck check, AccessFile access) {
        this.check = check;
        this.access = access;
    }

    @Override
    public Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2 || pair[0] == null || pair[1] == null) {
            LOG.info("remote JMX: a client without a user name and password was refused");
            throw new SecurityException("Authentication failed: a user name and a password are required");
        }
        String user = pair[0];
        Subject subject;
        try {
            subject = check.login(user, pair[1]);
        } catch (SecurityException e) {
            LOG.info("remote JMX: user {} refused: wrong user name or password", user);
            throw new SecurityException("Authentication failed");
        }
        Role role;
        try {
            role = access.roleOf(subject.getPrincipals());
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("remote JMX: cannot read the {}: {}", access, e.getMessage());
            throw new SecurityException("Authentication failed");
        }
        if (role == null) {
            LOG.info("remote JMX: user {} refused: the {} gives it no role", user, access);
            throw new SecurityException("Authentication failed");
        }
        subject.getPrincipals().add(new RolePrincipal(role));
        subject.setReadOnly();
        LOG.info("remote JMX: user {} authenticated ({})", user, role.word());
        return subject;
    }
}
