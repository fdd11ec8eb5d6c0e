package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How the {@code uris} property is read: as ConfigAdmin and FileInstall deliver it. */
class JmxComponentUrisTest {

    @Test
    void absentMeansNone() {
        assertThat(JmxComponent.uris(null)).isEmpty();
    }

    @Test
    void oneStringIsOneUri() {
        assertThat(JmxComponent.uris("qemu:///system")).containsExactly("qemu:///system");
    }

    @Test
    void aStringWithCommasIsSeveralUrisInOrder() {
        assertThat(JmxComponent.uris(" test:///default , qemu:///system,,lxc:///  "))
                .containsExactly("test:///default", "qemu:///system", "lxc:///");
    }

    @Test
    void arraysAndCollectionsKeepOrderAndDropDuplicatesAndBlanks() {
        assertThat(JmxComponent.uris(new String[] {"b:///", "a:///", "b:///", " "}))
                .containsExactly("b:///", "a:///");
        assertThat(JmxComponent.uris(List.of("a:///", "c:///,d:///"))).containsExactly("a:///", "c:///", "d:///");
    }
}
