package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reordering the capabilities sample check allows: only the host {@code <cpu>}'s children, only by rank. */
class HostCpuOrderTest {
    private static final String SAMPLE = """
            <capabilities>

              <host>
                <cpu>
                  <arch>i686</arch>
                  <vendor>Intel</vendor>
                  <feature name='b'/>
                  <maxphysaddr mode='emulate' bits='46'/>
                  <feature name='a'/>
                  <features>
                    <pae/>
                  </features>
                </cpu>
                <topology>
                  <cpu id='0'/>
                </topology>
              </host>

            </capabilities>
            """;

    @Test
    void putsTheHostCpusChildrenInLibvirtsOrderAndKeepsEveryLine() {
        assertThat(HostCpuOrder.apply(SAMPLE)).isEqualTo("""
                <capabilities>

                  <host>
                    <cpu>
                      <arch>i686</arch>
                      <features>
                        <pae/>
                      </features>
                      <vendor>Intel</vendor>
                      <maxphysaddr mode='emulate' bits='46'/>
                      <feature name='b'/>
                      <feature name='a'/>
                    </cpu>
                    <topology>
                      <cpu id='0'/>
                    </topology>
                  </host>

                </capabilities>
                """);
    }

    @Test
    void leavesADocumentInLibvirtsOrderOrWithoutAHostCpuAsItIs() {
        String ordered = HostCpuOrder.apply(SAMPLE);
        assertThat(HostCpuOrder.apply(ordered)).isEqualTo(ordered);
        String guestsOnly = "<capabilities>\n\n  <guest>\n    <os_type>hvm</os_type>\n  </guest>\n\n</capabilities>\n";
        assertThat(HostCpuOrder.apply(guestsOnly)).isEqualTo(guestsOnly);
    }

    @Test
    void refusesAChildLibvirtNeverWritesThere() {
        assertThatThrownBy(() -> HostCpuOrder.apply(SAMPLE.replace("<vendor>Intel</vendor>", "<mode>x</mode>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<mode>");
    }
}
