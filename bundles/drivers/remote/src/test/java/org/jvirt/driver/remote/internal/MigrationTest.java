package org.jvirt.driver.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/** The parts of migration that need no server: the same-host rule and the replacing of parameters. */
class MigrationTest {

    @Test
    void peerToPeerToThisHostIsRefusedAsLibvirtRefusesIt() {
        for (String local : List.of("qemu:///system", "qemu+tcp://localhost/system",
                "qemu+ssh://root@localhost.localdomain:2222/system", "qemu+unix:///system",
                "qemu+tcp:///system?socket=/run/x", "qemu+unix:///system?sockets=/run/x")) {
            assertThatThrownBy(() -> Migration.checkNotLocal(local)).as(local)
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.DOMAIN);
                        assertThat(e.getMessage()).isEqualTo("Attempt to migrate guest to the same host");
                    });
        }
        for (String remote : List.of("qemu+tcp://desthost/system", "qemu+ssh://root@desthost:2222/system",
                "qemu://[::1]/system", "qemu+tcp://my_host/system", "qemu+tcp://LOCALHOST/system",
                "qemu+unix:///system?socket=/run/other/libvirt-sock", "qemu+unix:///system?mode=direct&socket=/s")) {
            assertThatCode(() -> Migration.checkNotLocal(remote)).as(remote).doesNotThrowAnyException();
        }
    }

    @Test
    void aReplacedParameterKeepsItsPlaceAndANewOneGoesLast() {
        TypedParameters p = TypedParameters.builder().addString("migrate_uri", "tcp://a").addULLong("bandwidth", 5)
                .build();
        assertThat(MigrationDialogue.replaced(p, "migrate_uri", "tcp://b").asList())
                .extracting(t -> t.field() + "=" + t.valueText())
                .containsExactly("migrate_uri=tcp://b", "bandwidth=5");
        assertThat(MigrationDialogue.replaced(p, "destination_name", "n").asList())
                .extracting(t -> t.field() + "=" + t.valueText())
                .containsExactly("migrate_uri=tcp://a", "bandwidth=5", "destination_name=n");
    }
}
