package org.jvirt.jmx.internal;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.management.openmbean.SimpleType;

import org.jvirt.api.event.DomainAgentLifecycleEvent;
import org.jvirt.api.event.DomainBalloonChangeEvent;
import org.jvirt.api.event.DomainBlockJob2Event;
import org.jvirt.api.event.DomainBlockJobEvent;
import org.jvirt.api.event.DomainBlockThresholdEvent;
import org.jvirt.api.event.DomainControlErrorEvent;
import org.jvirt.api.event.DomainDeviceAddedEvent;
import org.jvirt.api.event.DomainDeviceRemovalFailedEvent;
import org.jvirt.api.event.DomainDeviceRemovedEvent;
import org.jvirt.api.event.DomainDiskChangeEvent;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainGraphicsEvent;
import org.jvirt.api.event.DomainIOErrorEvent;
import org.jvirt.api.event.DomainIOErrorReasonEvent;
import org.jvirt.api.event.DomainJobCompletedEvent;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.DomainMemoryDeviceSizeChangeEvent;
import org.jvirt.api.event.DomainMemoryFailureEvent;
import org.jvirt.api.event.DomainMetadataChangeEvent;
import org.jvirt.api.event.DomainMigrationIterationEvent;
import org.jvirt.api.event.DomainPMSuspendDiskEvent;
import org.jvirt.api.event.DomainPMSuspendEvent;
import org.jvirt.api.event.DomainPMWakeupEvent;
import org.jvirt.api.event.DomainRebootEvent;
import org.jvirt.api.event.DomainRtcChangeEvent;
import org.jvirt.api.event.DomainTrayChangeEvent;
import org.jvirt.api.event.DomainTunableEvent;
import org.jvirt.api.event.DomainWatchdogEvent;

/**
 * The domain events jvirt turns into notifications: one row per event id the API delivers as a record (all of
 * libvirt's). A record maps itself (its components become the items, see {@link RecordItems}); only lifecycle has
 * words of its own. An event id without a row is neither subscribed to nor declared.
 */
final class DomainEventTypes {
    /** virsh's names of the event ids ({@code virsh event --list}), indexed by libvirt's number. */
    private static final List<String> VIRSH_NAMES = List.of("lifecycle", "reboot", "rtc-change", "watchdog",
            "io-error", "graphics", "io-error-reason", "control-error", "block-job", "disk-change", "tray-change",
            "pm-wakeup", "pm-suspend", "balloon-change", "pm-suspend-disk", "device-removed", "block-job-2",
            "tunable", "agent-lifecycle", "device-added", "migration-iteration", "job-completed",
            "device-removal-failed", "metadata-change", "block-threshold", "memory-failure",
            "memory-device-size-change");

    private static final Map<DomainEventId, EventType> TABLE = table(
            lifecycle(),
            row(DomainEventId.REBOOT, DomainRebootEvent.class,
                    "The guest rebooted"),
            row(DomainEventId.RTC_CHANGE, DomainRtcChangeEvent.class,
                    "The guest changed its real-time clock; utcOffset is the new offset from UTC in seconds"),
            row(DomainEventId.WATCHDOG, DomainWatchdogEvent.class,
                    "The guest's watchdog fired; action is what was done"),
            row(DomainEventId.IO_ERROR, DomainIOErrorEvent.class,
                    "A disk had an I/O error; action is what was done"),
            row(DomainEventId.GRAPHICS, DomainGraphicsEvent.class,
                    "A graphics client connected, was authenticated or disconnected"),
            row(DomainEventId.IO_ERROR_REASON, DomainIOErrorReasonEvent.class,
                    "A disk had an I/O error, with its reason"),
            row(DomainEventId.CONTROL_ERROR, DomainControlErrorEvent.class,
                    "The hypervisor lost control of the domain (e.g. its monitor failed)"),
            row(DomainEventId.BLOCK_JOB, DomainBlockJobEvent.class,
                    "A block job (copy, commit, pull) completed, failed, was canceled or is ready; disk by path"),
            row(DomainEventId.DISK_CHANGE, DomainDiskChangeEvent.class,
                    "A removable disk's medium changed or was dropped"),
            row(DomainEventId.TRAY_CHANGE, DomainTrayChangeEvent.class,
                    "A removable disk's tray opened or closed"),
            row(DomainEventId.PMWAKEUP, DomainPMWakeupEvent.class,
                    "The guest woke up from power-management suspension"),
            row(DomainEventId.PMSUSPEND, DomainPMSuspendEvent.class,
                    "The guest suspended to memory"),
            row(DomainEventId.BALLOON_CHANGE, DomainBalloonChangeEvent.class,
                    "The guest's balloon changed its memory; actualKiB is the new size"),
            row(DomainEventId.PMSUSPEND_DISK, DomainPMSuspendDiskEvent.class,
                    "The guest suspended to disk"),
            row(DomainEventId.DEVICE_REMOVED, DomainDeviceRemovedEvent.class,
                    "A device was removed from the domain"),
            row(DomainEventId.BLOCK_JOB_2, DomainBlockJob2Event.class,
                    "A block job completed, failed, was canceled or is ready; disk by target name"),
            row(DomainEventId.TUNABLE, DomainTunableEvent.class,
                    "The domain's tunables changed (CPU pinning, scheduler, block I/O limits)"),
            row(DomainEventId.AGENT_LIFECYCLE, DomainAgentLifecycleEvent.class,
                    "The guest agent connected or disconnected"),
            row(DomainEventId.DEVICE_ADDED, DomainDeviceAddedEvent.class,
                    "A device was added to the domain"),
            row(DomainEventId.MIGRATION_ITERATION, DomainMigrationIterationEvent.class,
                    "A live migration began another pass over memory"),
            row(DomainEventId.JOB_COMPLETED, DomainJobCompletedEvent.class,
                    "A job (migration, save, dump, backup) completed; params are its statistics"),
            row(DomainEventId.DEVICE_REMOVAL_FAILED, DomainDeviceRemovalFailedEvent.class,
                    "The guest refused to release a device"),
            row(DomainEventId.METADATA_CHANGE, DomainMetadataChangeEvent.class,
                    "The domain's title, description or metadata changed"),
            row(DomainEventId.BLOCK_THRESHOLD, DomainBlockThresholdEvent.class,
                    "A disk was written past its threshold"),
            row(DomainEventId.MEMORY_FAILURE, DomainMemoryFailureEvent.class,
                    "A memory failure hit the host or the guest; action is what was done"),
            row(DomainEventId.MEMORY_DEVICE_SIZE_CHANGE, DomainMemoryDeviceSizeChangeEvent.class,
                    "A memory device's usable size changed")
            // a new event record of the API is one more line
    );

    private DomainEventTypes() {
    }

    /** Every type with a row, in libvirt's order of event ids. */
    static Collection<EventType> all() {
        return TABLE.values();
    }

    /** The row of {@code id}, or null when the API delivers no record for it yet. */
    static EventType of(DomainEventId id) {
        return TABLE.get(id);
    }

    /** virsh's name for {@code id}: "lifecycle", "block-job", ... */
    static String virshName(DomainEventId id) {
        return VIRSH_NAMES.get(id.value());
    }

    private static EventType row(DomainEventId id, Class<? extends DomainEvent> recordClass, String description) {
        return EventType.ofRecord(EventFamily.DOMAIN, id, virshName(id), recordClass, description);
    }

    private static EventType lifecycle() {
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
        return new EventType(EventFamily.DOMAIN, DomainEventId.LIFECYCLE, "lifecycle", DomainLifecycleEvent.class,
                "The domain was defined, undefined, started, suspended, resumed, stopped, shut down, pm-suspended "
                        + "or crashed", items,
                (domain, e) -> {
                    DomainLifecycleEvent l = (DomainLifecycleEvent) e;
                    return "event 'lifecycle' for domain '" + domain + "': " + LifecycleWords.type(l.type()) + " "
                            + LifecycleWords.detail(l.type(), l.detail());
                });
    }

    private static Map<DomainEventId, EventType> table(EventType... rows) {
        Map<DomainEventId, EventType> map = new EnumMap<>(DomainEventId.class);
        for (EventType row : rows) {
            if (map.put((DomainEventId) row.id(), row) != null) {
                throw new IllegalStateException("two rows for " + row.id());
            }
        }
        return map;
    }
}
