package org.jvirt.jmx.internal;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.management.openmbean.SimpleType;

import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.DomainRebootEvent;

/**
 * The domain events jvirt turns into notifications: one row per event id the API delivers as a record. A record
 * maps itself (its components become the items, see {@link RecordItems}); only lifecycle has words of its own.
 * An event id without a row is neither subscribed to nor declared.
 */
final class DomainEventTypes {
    /** virsh's names of the event ids ({@code virsh event --list}), indexed by libvirt's number. */
    private static final List<String> VIRSH_NAMES = List.of("lifecycle", "reboot", "rtc-change", "watchdog",
            "io-error", "graphics", "io-error-reason", "control-error", "block-job", "disk-change", "tray-change",
            "pm-wakeup", "pm-suspend", "balloon-change", "pm-suspend-disk", "device-removed", "block-job-2",
            "tunable", "agent-lifecycle", "device-added", "migration-iteration", "job-completed",
            "device-removal-failed", "metadata-change", "block-threshold", "memory-failure",
            "memory-device-size-change");

    private static final Map<DomainEventId, DomainEventType> TABLE = table(
            lifecycle(),
            DomainEventType.ofRecord(DomainEventId.REBOOT, DomainRebootEvent.class, "The domain's guest rebooted")
            // the API's further event records join here, one line each
    );

    private DomainEventTypes() {
    }

    /** Every type with a row, in libvirt's order of event ids. */
    static Collection<DomainEventType> all() {
        return TABLE.values();
    }

    /** The row of {@code id}, or null when the API delivers no record for it yet. */
    static DomainEventType of(DomainEventId id) {
        return TABLE.get(id);
    }

    /** virsh's name for {@code id}: "lifecycle", "block-job", ... */
    static String virshName(DomainEventId id) {
        return VIRSH_NAMES.get(id.value());
    }

    private static DomainEventType lifecycle() {
        List<OpenItem> items = List.of(
                new OpenItem("event", SimpleType.STRING, "what happened, in virsh's word: Started, Stopped, ...",
                        e -> LifecycleWords.type(((DomainLifecycleEvent) e).type())),
                new OpenItem("detail", SimpleType.STRING, "how, in virsh's words: Booted, Destroyed, ...",
                        e -> LifecycleWords.detail(((DomainLifecycleEvent) e).type(),
                                ((DomainLifecycleEvent) e).detail())),
                new OpenItem("eventNumber", SimpleType.INTEGER, "libvirt's number of the event (virDomainEventType)",
                        e -> ((DomainLifecycleEvent) e).type().value()),
                new OpenItem("detailNumber", SimpleType.INTEGER, "libvirt's number of the detail",
                        e -> ((DomainLifecycleEvent) e).detail()));
        return new DomainEventType(DomainEventId.LIFECYCLE, DomainLifecycleEvent.class,
                "The domain was defined, undefined, started, suspended, resumed, stopped, shut down, pm-suspended "
                        + "or crashed", items,
                (domain, e) -> {
                    DomainLifecycleEvent l = (DomainLifecycleEvent) e;
                    return "event 'lifecycle' for domain '" + domain + "': " + LifecycleWords.type(l.type()) + " "
                            + LifecycleWords.detail(l.type(), l.detail());
                });
    }

    private static Map<DomainEventId, DomainEventType> table(DomainEventType... rows) {
        Map<DomainEventId, DomainEventType> map = new EnumMap<>(DomainEventId.class);
        for (DomainEventType row : rows) {
            if (map.put(row.id(), row) != null) {
                throw new IllegalStateException("two rows for " + row.id());
            }
        }
        return map;
    }
}
