package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wire's UUID bytes: the canonical text's hex digits in order, as libvirt's virUUIDParse gives them. */
class WireTest {
    @Test
    void uuidBytesFollowTheTextOrder() {
        UUID u = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");
        byte[] b = Wire.bytes(u);
        StringBuilder hex = new StringBuilder();
        for (byte x : b) {
            hex.append(String.format("%02x", x));
        }
        assertThat(hex).hasToString("6695eb01f6a4830479aa97f2502e193f");
        assertThat(Wire.uuid(b)).isEqualTo(u);
    }
}
