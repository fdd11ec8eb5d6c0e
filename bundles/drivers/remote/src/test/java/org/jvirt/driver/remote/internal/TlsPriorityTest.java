package org.jvirt.driver.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/** GnuTLS priority strings read for what Java's TLS can take: the protocol versions. */
class TlsPriorityTest {
    private static final List<String> JAVA = List.of("TLSv1.3", "TLSv1.2");

    @Test
    void versionsFollowTheString() {
        assertThat(TlsPriority.protocols(null, JAVA)).isEqualTo(JAVA);
        assertThat(TlsPriority.protocols("NORMAL", JAVA)).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsPriority.protocols("@LIBVIRT,SYSTEM", JAVA)).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsPriority.protocols("NORMAL:-VERS-TLS1.3", JAVA)).containsExactly("TLSv1.2");
        assertThat(TlsPriority.protocols("SECURE256:-VERS-ALL:+VERS-TLS1.3", JAVA)).containsExactly("TLSv1.3");
        assertThat(TlsPriority.protocols("NONE:+VERS-TLS1.2", JAVA)).containsExactly("TLSv1.2");
        assertThat(TlsPriority.protocols("normal:!vers-tls1.2:-VERS-DTLS-ALL", JAVA)).containsExactly("TLSv1.3");
        // added, though Java's own policy (jdk.tls.disabledAlgorithms) may still keep it off
        assertThat(TlsPriority.protocols("NORMAL:+VERS-TLS1.0", JAVA)).containsExactly("TLSv1.3", "TLSv1.2", "TLSv1");
    }

    @Test
    void whatJavaCannotBeToldIsRefused() {
        for (String p : List.of("NORMAL:-AES-128-CBC", "NORMAL:+CHACHA20-POLY1305", "SECURE128:%COMPAT",
                "NORMAL:-KX-ALL:+ECDHE-RSA", "NORMAL:+SIGN-RSA-SHA256", "NORMAL:-GROUP-FFDHE2048")) {
            assertThatThrownBy(() -> TlsPriority.protocols(p, JAVA)).as(p)
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_UNSUPPORTED);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                        assertThat(e.getMessage()).startsWith("unsupported configuration: tls_priority element '");
                    });
        }
        assertThatThrownBy(() -> TlsPriority.protocols("NORMAL:-VERS-ALL", JAVA))
                .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "unsupported configuration: tls_priority 'NORMAL:-VERS-ALL' leaves no TLS protocol version "
                                + "enabled"));
    }

    @Test
    void stringsGnuTlsRejectsFailInLibvirtsWords() {
        for (String p : List.of("BOGUS", "NORMAL:+VERS-TLS9.9", "NORMAL::", "NORMAL:VERS-TLS1.2", "NORMAL:+NOSUCH")) {
            assertThatThrownBy(() -> TlsPriority.protocols(p, JAVA)).as(p)
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_ERROR);
                        assertThat(e.getMessage()).isEqualTo(
                                "Failed to set TLS session priority to " + p + ": The request is invalid.");
                    });
        }
    }
}
