package org.jvirt.jmx.internal;

import java.util.List;
import java.util.Map;

import org.jvirt.api.event.LifecycleEventType;

/**
 * A lifecycle event's type and detail in the words {@code virsh event} prints ("Started Booted", "Stopped
 * Destroyed"), so a notification reads as virsh's line does. From libvirt's tools/virsh-domain-event.c.
 */
final class LifecycleWords {
    private static final Map<LifecycleEventType, String> TYPES = Map.of(
            LifecycleEventType.DEFINED, "Defined",
            LifecycleEventType.UNDEFINED, "Undefined",
            LifecycleEventType.STARTED, "Started",
            LifecycleEventType.SUSPENDED, "Suspended",
            LifecycleEventType.RESUMED, "Resumed",
            LifecycleEventType.STOPPED, "Stopped",
            LifecycleEventType.SHUTDOWN, "Shutdown",
            LifecycleEventType.PMSUSPENDED, "PMSuspended",
            LifecycleEventType.CRASHED, "Crashed");

    // indexed by libvirt's detail number for each type
    private static final Map<LifecycleEventType, List<String>> DETAILS = Map.of(
            LifecycleEventType.DEFINED, List.of("Added", "Updated", "Renamed", "Snapshot"),
            LifecycleEventType.UNDEFINED, List.of("Removed", "Renamed"),
            LifecycleEventType.STARTED, List.of("Booted", "Migrated", "Restored", "Snapshot", "Event wakeup"),
            LifecycleEventType.SUSPENDED, List.of("Paused", "Migrated", "I/O Error", "Watchdog", "Restored",
                    "Snapshot", "API error", "Post-copy", "Post-copy Error"),
            LifecycleEventType.RESUMED, List.of("Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error"),
            LifecycleEventType.STOPPED, List.of("Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed",
                    "Snapshot"),
            LifecycleEventType.SHUTDOWN, List.of("Finished", "Finished after guest request",
                    "Finished after host request"),
            LifecycleEventType.PMSUSPENDED, List.of("Memory", "Disk"),
            LifecycleEventType.CRASHED, List.of("Panicked", "Crashloaded"));

    private LifecycleWords() {
    }

    /** "Started", "Stopped", ...; "unknown" for a type this version does not know, as virsh prints. */
    static String type(LifecycleEventType type) {
        return type == null ? "unknown" : TYPES.get(type);
    }

    /** "Booted", "Destroyed", ...; "unknown" for a detail this version does not know, as virsh prints. */
    static String detail(LifecycleEventType type, int detail) {
        List<String> words = type == null ? null : DETAILS.get(type);
        return words != null && detail >= 0 && detail < words.size() ? words.get(detail) : "unknown";
    }
}
