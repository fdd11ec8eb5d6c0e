package org.jvirt.jmx.internal;

import java.util.List;
import java.util.Map;

import org.jvirt.api.DomainState;

/** A domain's state and its reason in the words virsh prints (domstate --reason), so JMX and the shell agree. */
final class StateWords {
    private static final Map<DomainState, String> STATES = Map.of(
            DomainState.NOSTATE, "no state",
            DomainState.RUNNING, "running",
            DomainState.BLOCKED, "idle",
            DomainState.PAUSED, "paused",
            DomainState.SHUTDOWN, "in shutdown",
            DomainState.SHUTOFF, "shut off",
            DomainState.CRASHED, "crashed",
            DomainState.PMSUSPENDED, "pmsuspended");

    // indexed by libvirt's reason number for each state
    private static final Map<DomainState, List<String>> REASONS = Map.of(
            DomainState.NOSTATE, List.of("unknown"),
            DomainState.RUNNING, List.of("unknown", "booted", "migrated", "restored", "from snapshot", "unpaused",
                    "migration canceled", "save canceled", "event wakeup", "crashed", "post-copy",
                    "post-copy failed"),
            DomainState.BLOCKED, List.of("unknown"),
            DomainState.PAUSED, List.of("unknown", "user", "migrating", "saving", "dumping", "I/O error",
                    "watchdog", "from snapshot", "shutting down", "creating snapshot", "crashed", "starting up",
                    "post-copy", "post-copy failed", "api error"),
            DomainState.SHUTDOWN, List.of("unknown", "user"),
            DomainState.SHUTOFF, List.of("unknown", "shutdown", "destroyed", "crashed", "migrated", "saved",
                    "failed", "from snapshot", "daemon"),
            DomainState.CRASHED, List.of("unknown", "panicked"),
            DomainState.PMSUSPENDED, List.of("unknown"));

    private StateWords() {
    }

    /** "running", "shut off", ...; a state this version does not know reads "no state", as in virsh. */
    static String state(DomainState state) {
        return state == null ? "no state" : STATES.get(state);
    }

    /** "booted", "destroyed", ...; a reason this version does not know reads "unknown", as in virsh. */
    static String reason(DomainState state, int reason) {
        List<String> words = state == null ? null : REASONS.get(state);
        return words != null && reason >= 0 && reason < words.size() ? words.get(reason) : "unknown";
    }
}
