package org.jvirt.shell.internal.commands;

import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/** Domain states and their reasons in virsh's words. */
final class DomainStates {
    private static final List<String> STATES = List.of("no state", "running", "idle", "paused", "in shutdown",
            "shut off", "crashed", "pmsuspended");

    private static final List<List<String>> REASONS = List.of(
            List.of("unknown"),
            List.of("unknown", "booted", "migrated", "restored", "from snapshot", "unpaused", "migration canceled",
                    "save canceled", "event wakeup", "crashed", "post-copy", "post-copy failed"),
            List.of("unknown"),
            List.of("unknown", "user", "migrating", "saving", "dumping", "I/O error", "watchdog", "from snapshot",
                    "shutting down", "creating snapshot", "crashed", "starting up", "post-copy", "post-copy failed",
                    "api error"),
            List.of("unknown", "user"),
            List.of("unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from snapshot",
                    "daemon"),
            List.of("unknown", "panicked"),
            List.of("unknown"));

    private DomainStates() {
    }

    static String name(DomainState state) {
        return state == null ? "no state" : STATES.get(state.value());
    }

    static String reason(DomainState state, int reason) {
        if (state == null) {
            return "unknown";
        }
        List<String> names = REASONS.get(state.value());
        return reason >= 0 && reason < names.size() ? names.get(reason) : "unknown";
    }

    /**
     * The state with its reason (virshDomainState): virDomainGetState, or the state of virDomainGetInfo with reason
     * -1 where the driver lacks the former.
     */
    static DomainStateInfo of(Domain domain) {
        try {
            return domain.getState();
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw e;
            }
            return new DomainStateInfo(domain.getInfo().state(), -1);
        }
    }
}
