package org.jvirt.jmx.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RemoteJmxSettingsTest {
    private static final Path ETC = Path.of("/opt/jvirt/etc");

    @Test
    void withoutConfigurationNothingListensAndTheDefaultsAreLoopback() {
        RemoteJmxSettings s = RemoteJmxSettings.from(Map.of(), ETC);

        assertThat(s.enabled()).isFalse();
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.rmiHostname()).isEqualTo("127.0.0.1");
        assertThat(s.registryPort()).isEqualTo(1099);
        assertThat(s.serverPort()).isEqualTo(44444);
        assertThat(s.passwordFile()).isEqualTo(Path.of("/opt/jvirt/etc/jmx.password"));
        assertThat(s.accessFile()).isEqualTo(Path.of("/opt/jvirt/etc/jmx.access"));
        assertThat(s.jaasEntry()).isNull();
        assertThat(s.tls()).isNull();
        assertThat(s.clientUrl()).isEqualTo("service:jmx:rmi:///jndi/rmi://127.0.0.1:1099/jmxrmi");
    }

    @Test
    void everySettingIsRead() {
        RemoteJmxSettings s = RemoteJmxSettings.from(Map.ofEntries(
                Map.entry("enabled", "true"), Map.entry("host", "::1"), Map.entry("registry.port", "9099"),
                Map.entry("server.port", "0"), Map.entry("password.file", "/secure/pw"),
                Map.entry("access.file", "access"), Map.entry("jaas.entry", "jvirt"),
                Map.entry("jaas.config", "jaas.conf"), Map.entry("tls", "true"), Map.entry("tls.keystore", "ks.p12"),
                Map.entry("tls.keystore.password", "kpw"), Map.entry("tls.truststore", "/t/ts.jks"),
                Map.entry("tls.truststore.type", "JKS"), Map.entry("tls.need.client.auth", "yes"),
                Map.entry("tls.registry", "false"), Map.entry("tls.protocols", "TLSv1.3"),
                Map.entry("tls.ciphers", new String[] {"TLS_AES_128_GCM_SHA256", " TLS_AES_256_GCM_SHA384"})), ETC);

        assertThat(s.enabled()).isTrue();
        assertThat(s.host()).isEqualTo("::1");
        assertThat(s.clientUrl()).isEqualTo("service:jmx:rmi:///jndi/rmi://[::1]:9099/jmxrmi");
        assertThat(s.serverPort()).isZero();
        assertThat(s.passwordFile()).isEqualTo(Path.of("/secure/pw"));
        assertThat(s.accessFile()).isEqualTo(ETC.resolve("access"));
        assertThat(s.jaasEntry()).isEqualTo("jvirt");
        assertThat(s.jaasConfig()).isEqualTo(ETC.resolve("jaas.conf"));
        TlsSettings tls = s.tls();
        assertThat(tls.keystore()).isEqualTo(ETC.resolve("ks.p12"));
        assertThat(tls.keystoreType()).isEqualTo("PKCS12");
        assertThat(tls.keystorePassword()).containsExactly('k', 'p', 'w');
        assertThat(tls.keyPassword()).as("the keystore's, by default").containsExactly('k', 'p', 'w');
        assertThat(tls.truststore()).isEqualTo(Path.of("/t/ts.jks"));
        assertThat(tls.truststoreType()).isEqualTo("JKS");
        assertThat(tls.needClientAuth()).isTrue();
        assertThat(tls.registry()).isFalse();
        assertThat(tls.protocols()).containsExactly("TLSv1.3");
        assertThat(tls.ciphers()).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
        assertThat(tls.toString()).doesNotContain("kpw");
    }

    @Test
    void boundToEveryAddressTheStubsNameIsTheJvmsUnlessGiven() {
        assertThat(RemoteJmxSettings.from(Map.of("host", "0.0.0.0"), ETC).rmiHostname()).isNull();
        assertThat(RemoteJmxSettings.from(Map.of("host", "0.0.0.0", "rmi.hostname", "jvirt.example.org"), ETC)
                .clientUrl()).isEqualTo("service:jmx:rmi:///jndi/rmi://jvirt.example.org:1099/jmxrmi");
    }

    @Test
    void wrongValuesAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> RemoteJmxSettings.from(Map.of("enabled", "maybe"), ETC))
                .hasMessage("enabled must be true or false, not maybe");
        assertThatThrownBy(() -> RemoteJmxSettings.from(Map.of("registry.port", "0"), ETC))
                .hasMessage("registry.port must be a port number, not 0");
        assertThatThrownBy(() -> RemoteJmxSettings.from(Map.of("server.port", "70000"), ETC))
                .hasMessage("server.port must be a port number (0: any), not 70000");
        assertThatThrownBy(() -> RemoteJmxSettings.from(Map.of("tls", "true"), ETC))
                .hasMessage("tls.keystore is required with tls = true");
    }

    @Test
    void equalConfigurationsAreEqualSettings() {
        Map<String, Object> config = Map.of("enabled", "true", "tls", "true", "tls.keystore", "k",
                "tls.keystore.password", "p");
        assertThat(RemoteJmxSettings.from(config, ETC)).isEqualTo(RemoteJmxSettings.from(Map.copyOf(config), ETC));
        assertThat(RemoteJmxSettings.from(config, ETC)).isNotEqualTo(RemoteJmxSettings.from(Map.of("enabled",
                "true", "tls", "true", "tls.keystore", "k", "tls.keystore.password", "other"), ETC));
        assertThat(List.of(RemoteJmxSettings.from(Map.of(), ETC))).containsExactly(RemoteJmxSettings.from(Map.of(),
                ETC));
    }
}
