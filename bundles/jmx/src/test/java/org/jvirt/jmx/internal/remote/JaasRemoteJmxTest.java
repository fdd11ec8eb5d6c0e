package org.jvirt.jmx.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Map;

import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.jmx.JvirtObjectNames;
import org.jvirt.jmx.internal.ExportedHost;

/**
 * Passwords checked by JAAS: a login configuration file naming a login module (here the test's own, which knows one
 * user, dave, and puts him in the group "operators"); the access file gives the group its role.
 */
class JaasRemoteJmxTest {
    static final ObjectName TEST = JvirtObjectNames.domain("test:///default", "test");

    /** A group principal, as directory login modules add them. */
    public record Group(String getName) implements Principal {
    }

    /** Knows dave, password "dave-secret", member of operators. */
    public static final class DaveLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private boolean ok;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            ok = "dave".equals(name.getName()) && "dave-secret".equals(new String(password.getPassword()));
            if (!ok) {
                throw new FailedLoginException("wrong password");
            }
            return true;
        }

        @Override
        public boolean commit() {
            if (ok) {
                subject.getPrincipals().add(new Group("operators"));
            }
            return ok;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }

    @TempDir
    Path etc;
    private RemoteFixture fixture;
    private ExportedHost host;
    private RemoteJmxComponent component;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RemoteFixture(etc);
        host = new ExportedHost("test:///default");
        Files.writeString(etc.resolve("jaas.conf"), "jvirt-jmx {\n    " + DaveLoginModule.class.getName()
                + " required;\n};\n");
        Files.writeString(etc.resolve("jmx.access"), "operators readwrite\n");
    }

    @AfterEach
    void tearDown() {
        if (component != null) {
            component.deactivate();
        }
        host.close();
    }

    @Test
    void aUserTheLoginModuleKnowsGetsTheRoleOfItsGroup() throws Exception {
        component = new RemoteJmxComponent(ManagementFactory.getPlatformMBeanServer(), etc, fixture.config(
                RemoteJmxSettings.JAAS_ENTRY, "jvirt-jmx", RemoteJmxSettings.JAAS_CONFIG, "jaas.conf"));

        try (JMXConnector jmx = RemoteFixture.connect(fixture.url(), "dave", "dave-secret")) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            server.setAttribute(TEST, new Attribute("Autostart", true));
            assertThat(server.getAttribute(TEST, "Autostart")).isEqualTo(true);
        }
        // the password file's users are not asked when JAAS is configured
        assertThatThrownBy(() -> RemoteFixture.connect(fixture.url(), RemoteFixture.ALICE,
                RemoteFixture.ALICE_PASSWORD).close()).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> RemoteFixture.connect(fixture.url(), "dave", "wrong").close())
                .isInstanceOf(SecurityException.class).hasMessage("Authentication failed");
    }

    @Test
    void anEntryTheConfigurationLacksKeepsTheConnectorOff() {
        component = new RemoteJmxComponent(ManagementFactory.getPlatformMBeanServer(), etc, fixture.config(
                RemoteJmxSettings.JAAS_ENTRY, "nosuch", RemoteJmxSettings.JAAS_CONFIG, "jaas.conf"));

        assertThat(component.address()).isEmpty();
        assertThat(RemoteFixture.listening(fixture.registryPort)).isFalse();
    }
}
