package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;

/** The words virsh 9.0 prints for states and reasons (as seen with domstate --reason on test:///default). */
class StateWordsTest {

    @Test
    void everyStateHasVirshsWord() {
        assertThat(StateWords.state(DomainState.NOSTATE)).isEqualTo("no state");
        assertThat(StateWords.state(DomainState.RUNNING)).isEqualTo("running");
        assertThat(StateWords.state(DomainState.BLOCKED)).isEqualTo("idle");
        assertThat(StateWords.state(DomainState.PAUSED)).isEqualTo("paused");
        assertThat(StateWords.state(DomainState.SHUTDOWN)).isEqualTo("in shutdown");
        assertThat(StateWords.state(DomainState.SHUTOFF)).isEqualTo("shut off");
        assertThat(StateWords.state(DomainState.CRASHED)).isEqualTo("crashed");
        assertThat(StateWords.state(DomainState.PMSUSPENDED)).isEqualTo("pmsuspended");
        assertThat(StateWords.state(null)).isEqualTo("no state");
    }

    @Test
    void reasonsAsVirshPrintsThem() {
        // virsh: suspend -> "paused (user)", resume -> "running (unpaused)", destroy -> "shut off (destroyed)"
        assertThat(StateWords.reason(DomainState.PAUSED, PausedReason.USER.value())).isEqualTo("user");
        assertThat(StateWords.reason(DomainState.RUNNING, RunningReason.UNPAUSED.value())).isEqualTo("unpaused");
        assertThat(StateWords.reason(DomainState.RUNNING, RunningReason.BOOTED.value())).isEqualTo("booted");
        assertThat(StateWords.reason(DomainState.SHUTOFF, ShutoffReason.DESTROYED.value())).isEqualTo("destroyed");
        assertThat(StateWords.reason(DomainState.SHUTOFF, ShutoffReason.SHUTDOWN.value())).isEqualTo("shutdown");
        assertThat(StateWords.reason(DomainState.SHUTOFF, ShutoffReason.DAEMON.value())).isEqualTo("daemon");
    }

    @Test
    void everyReasonTheApiKnowsHasItsOwnWord() {
        int checked = 0;
        for (DomainState state : DomainState.values()) {
            // reason 0 is each state's UNKNOWN; the API's reason enums stop at the first number without a constant
            for (int reason = 1; new DomainStateInfo(state, reason).reasonConstant() != null; reason++) {
                assertThat(StateWords.reason(state, reason)).as(state + " reason " + reason)
                        .isNotEqualTo("unknown").isNotEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void unknownReasonsReadUnknown() {
        assertThat(StateWords.reason(DomainState.RUNNING, 0)).isEqualTo("unknown");
        assertThat(StateWords.reason(DomainState.RUNNING, 999)).isEqualTo("unknown");
        assertThat(StateWords.reason(DomainState.PAUSED, -1)).isEqualTo("unknown");
        assertThat(StateWords.reason(null, 1)).isEqualTo("unknown");
    }
}
