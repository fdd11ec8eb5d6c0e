package org.jvirt.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

class ScaledSizesTest {
    @Test
    void knowsLibvirtsUnits() {
        assertThat(ScaledSizes.scale(null, 1024)).isEqualTo(1024);
        assertThat(ScaledSizes.scale("", 1)).isEqualTo(1);
        assertThat(ScaledSizes.scale("b", 1024)).isEqualTo(1);
        assertThat(ScaledSizes.scale("bytes", 1024)).isEqualTo(1);
        assertThat(ScaledSizes.scale("k", 1)).isEqualTo(1024);
        assertThat(ScaledSizes.scale("KiB", 1)).isEqualTo(1024);
        assertThat(ScaledSizes.scale("KB", 1)).isEqualTo(1000);
        assertThat(ScaledSizes.scale("M", 1)).isEqualTo(1024L * 1024);
        assertThat(ScaledSizes.scale("MiB", 1)).isEqualTo(1024L * 1024);
        assertThat(ScaledSizes.scale("MB", 1)).isEqualTo(1_000_000L);
        assertThat(ScaledSizes.scale("G", 1)).isEqualTo(1L << 30);
        assertThat(ScaledSizes.scale("GB", 1)).isEqualTo(1_000_000_000L);
        assertThat(ScaledSizes.scale("TiB", 1)).isEqualTo(1L << 40);
        assertThat(ScaledSizes.scale("tb", 1)).isEqualTo(1_000_000_000_000L);
        assertThat(ScaledSizes.scale("EiB", 1)).isEqualTo(1L << 60);
    }

    @Test
    void refusesUnknownSuffixWithLibvirtsText() {
        assertThatThrownBy(() -> ScaledSizes.scale("xx", 1)).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG);
            assertThat(e.getMessage()).isEqualTo("invalid argument: unknown suffix 'xx'");
        });
        assertThatThrownBy(() -> ScaledSizes.scale("kx", 1)).isInstanceOf(VirtException.class);
    }

    @Test
    void convertsAndRoundsUp() {
        assertThat(ScaledSizes.toBytes(4, "GiB", 1024, Long.MAX_VALUE)).isEqualTo(4L << 30);
        assertThat(ScaledSizes.bytesToKiBRoundUp(1025)).isEqualTo(2);
        assertThat(ScaledSizes.bytesToKiBRoundUp(1024)).isEqualTo(1);
        assertThatThrownBy(() -> ScaledSizes.toBytes(1L << 20, "EiB", 1, Long.MAX_VALUE))
                .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OVERFLOW));
    }
}
