package org.jvirt.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class JvirtObjectNamesTest {

    @Test
    void connectionNameQuotesTheUri() {
        ObjectName name = JvirtObjectNames.connection("test:///default");

        assertThat(name.toString()).isEqualTo("org.jvirt:type=Connection,uri=\"test:///default\"");
    }

    @Test
    void domainNameQuotesConnectionAndName() {
        ObjectName name = JvirtObjectNames.domain("qemu:///system", "vm1");

        assertThat(name.toString()).isEqualTo("org.jvirt:type=Domain,connection=\"qemu:///system\",name=\"vm1\"");
    }

    @Test
    void valuesWithCharactersSpecialToObjectNamesComeBackUnchanged() {
        String uri = "qemu+ssh://root@host:22/system?keyfile=/k,x=1&a=\"b\"*";
        String domain = "web,1=\"x\"\\*?\n";

        ObjectName name = JvirtObjectNames.domain(uri, domain);

        assertThat(ObjectName.unquote(name.getKeyProperty("connection"))).isEqualTo(uri);
        assertThat(ObjectName.unquote(name.getKeyProperty("name"))).isEqualTo(domain);
        assertThat(name.isPattern()).isFalse();
    }

    @Test
    void patternsMatchTheirOwnKindOnly() {
        ObjectName domains = JvirtObjectNames.pattern("Domain", "test:///default");

        assertThat(domains.apply(JvirtObjectNames.domain("test:///default", "test"))).isTrue();
        assertThat(domains.apply(JvirtObjectNames.domain("test:///other", "test"))).isFalse();
        assertThat(domains.apply(JvirtObjectNames.connection("test:///default"))).isFalse();
        assertThat(JvirtObjectNames.pattern("Connection", "test:///default")
                .apply(JvirtObjectNames.connection("test:///default"))).isTrue();
        assertThat(JvirtObjectNames.all().apply(JvirtObjectNames.connection("x:///"))).isTrue();
    }
}
