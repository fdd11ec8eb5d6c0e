package org.jvirt.jmx.internal.remote;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.URIParameter;

import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users checked by a JAAS login configuration entry: the entry's login modules get the name and password through
 * the standard Name and Password callbacks. The configuration is a file of the JDK's JAAS syntax, or, when none is
 * named, the JVM's own ({@code java.security.auth.login.config}). Login modules load through the system class
 * loader: the JDK's own, or jars on the launcher's class path.
 */
final class JaasLogin implements CredentialCheck {
    private static final Logger LOG = LoggerFactory.getLogger(JaasLogin.class);

    private final String entry;
    private final Configuration configuration;

    JaasLogin(String entry, Path configFile) {
        this.entry = entry;
        try {
            this.configuration = configFile == null ? Configuration.getConfiguration()
                    : Configuration.getInstance("JavaLoginConfig", new URIParameter(configFile.toUri()));
        } catch (NoSuchAlgorithmException | SecurityException e) {
            throw new IllegalArgumentException("cannot read the JAAS configuration "
                    + (configFile == null ? "of the JVM" : configFile.toString()) + ": " + causeOf(e));
        }
        if (configuration.getAppConfigurationEntry(entry) == null) {
            throw new IllegalArgumentException("the JAAS configuration has no entry " + entry);
        }
    }

    private static String causeOf(Exception e) {
        return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    }

    @Override
    public Subject login(String user, String password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            LoginContext context = new LoginContext(entry, new Subject(), callbacks -> {
                for (var c : callbacks) {
                    if (c instanceof NameCallback n) {
                        n.setName(user);
                    } else if (c instanceof PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(c);
                    }
                }
            }, configuration);
            context.login();
            Subject subject = context.getSubject();
            subject.getPrincipals().add(new JMXPrincipal(user));
            return subject;
        } catch (LoginException e) {
            LOG.debug("remote JMX: JAAS login of {} refused: {}", user, e.getMessage());
            throw new SecurityException("Authentication failed");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return "JAAS entry " + entry;
    }
}
