package org.jvirt.shell.internal.commands;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.Domain;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainBlockJobEvent;
import org.jvirt.api.event.DomainBlockThresholdEvent;
import org.jvirt.api.event.DomainDeviceAddedEvent;
import org.jvirt.api.event.DomainDeviceRemovalFailedEvent;
import org.jvirt.api.event.DomainDeviceRemovedEvent;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainJobCompletedEvent;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.DomainMetadataChangeEvent;
import org.jvirt.api.event.DomainRtcChangeEvent;
import org.jvirt.api.event.DomainTunableEvent;
import org.jvirt.api.event.EventSubscription;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/**
 * event: waits for domain events and prints each as virsh does ("event 'lifecycle' for domain 'test': Stopped
 * Destroyed"); one event, or every event until Ctrl-C or --timeout with --loop; then how many arrived.
 */
final class EventCommand implements VirshCommand {
    /** virsh's event names, in libvirt's order of event ids. */
    static final List<String> NAMES = List.of("lifecycle", "reboot", "rtc-change", "watchdog", "io-error", "graphics",
            "io-error-reason", "control-error", "block-job", "disk-change", "tray-change", "pmwakeup", "pmsuspend",
            "balloon-change", "pmsuspend-disk", "device-removed", "block-job-2", "tunable", "agent-lifecycle",
            "device-added", "migration-iteration", "job-completed", "device-removal-failed", "metadata-change",
            "block-threshold", "memory-failure", "memory-device-size-change");

    private static final List<List<String>> DETAILS = List.of(
            List.of("Added", "Updated", "Renamed", "Snapshot"),
            List.of("Removed", "Renamed"),
            List.of("Booted", "Migrated", "Restored", "Snapshot", "Event wakeup"),
            List.of("Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot", "API error", "Post-copy",
                    "Post-copy Error"),
            List.of("Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error"),
            List.of("Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed", "Snapshot"),
            List.of("Finished", "Finished after guest request", "Finished after host request"),
            List.of("Memory", "Disk"),
            List.of("Panicked", "Crashloaded"));
    private static final List<String> TYPES = List.of("Defined", "Undefined", "Started", "Suspended", "Resumed",
            "Stopped", "Shutdown", "PMSuspended", "Crashed");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ");

    @Override
    public CommandDef definition() {
        return VirshTables.command("event");
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        if (args.has("list")) {
            NAMES.forEach(n -> ctx.print(n + "\n"));
            return;
        }
        String eventName = args.string("event");
        boolean all = args.has("all");
        if (eventName == null && !all) {
            throw new CommandFailure("one of --list, --all, or --event <type> is required");
        }
        args.exclusive("all", "event");
        long timeoutMs = args.timeoutMs().orElse(0);
        boolean loop = args.has("loop");
        boolean timestamp = args.has("timestamp");
        List<DomainEventId> ids = new ArrayList<>();
        if (all) {
            ids.addAll(List.of(DomainEventId.values()));
        } else {
            int i = NAMES.indexOf(eventName);
            if (i < 0) {
                throw new CommandFailure("unknown event type " + eventName);
            }
            ids.add(DomainEventId.values()[i]);
        }
        Domain dom = args.has("domain") ? DomainLookup.domain(ctx, args) : null;
        LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Object interrupt = new Object();
        List<EventSubscription> subs = new ArrayList<>();
        AtomicInteger count = new AtomicInteger();
        try {
            for (DomainEventId id : ids) {
                subs.add(ctx.connection().domainEventRegisterAny(dom, id, queue::add));
            }
            ctx.session().onInterrupt(() -> queue.add(interrupt));
            long deadline = timeoutMs > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs) : 0;
            while (true) {
                Object next = deadline == 0 ? queue.take()
                        : queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    ctx.print("event loop timed out\n");
                    break;
                }
                if (next == interrupt) {
                    break;
                }
                String text = describe((DomainEvent) next);
                if (timestamp) {
                    text = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ": " + text;
                }
                ctx.print(text);
                count.incrementAndGet();
                if (!loop) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ctx.session().onInterrupt(null);
            for (EventSubscription s : subs) {
                try {
                    s.close();
                } catch (VirtException e) {
                    ctx.error("failed to deregister events: " + e.getMessage());
                }
            }
        }
        ctx.print("events received: " + count.get() + "\n");
        if (count.get() == 0 && timeoutMs > 0) {
            throw CommandFailure.silent();
        }
    }

    /** One event as virsh prints it, newline included. */
    static String describe(DomainEvent e) {
        String name = NAMES.get(e.id().ordinal());
        String head = "event '" + name + "' for domain '" + e.domain().getName() + "'";
        if (e instanceof DomainLifecycleEvent l) {
            int t = l.type().ordinal();
            List<String> details = t < DETAILS.size() ? DETAILS.get(t) : List.of();
            String detail = l.detail() >= 0 && l.detail() < details.size() ? details.get(l.detail()) : "unknown";
            return head + ": " + (t < TYPES.size() ? TYPES.get(t) : "unknown") + " " + detail + "\n";
        }
        if (e instanceof DomainRtcChangeEvent r) {
            return head + ": " + r.utcOffset() + "\n";
        }
        if (e instanceof DomainBlockJobEvent b) {
            return head + ": " + blockJobType(b.type()) + " for " + b.disk() + " " + b.status().name().toLowerCase(Locale.ROOT) + "\n";
        }
        if (e instanceof DomainDeviceAddedEvent a) {
            return head + ": " + a.devAlias() + "\n";
        }
        if (e instanceof DomainDeviceRemovedEvent r) {
            return head + ": " + r.devAlias() + "\n";
        }
        if (e instanceof DomainDeviceRemovalFailedEvent r) {
            return head + ": " + r.devAlias() + "\n";
        }
        if (e instanceof DomainMetadataChangeEvent m) {
            String type = switch (m.type()) {
                case DESCRIPTION -> "description";
                case TITLE -> "title";
                case ELEMENT -> "element";
            };
            return head + ": type " + type + ", uri " + (m.nsuri() == null ? "(none)" : m.nsuri()) + "\n";
        }
        if (e instanceof DomainBlockThresholdEvent t) {
            return head + ": dev: " + t.dev() + "(" + t.path() + ") " + Long.toUnsignedString(t.threshold()) + " "
                    + Long.toUnsignedString(t.excess()) + "\n";
        }
        if (e instanceof DomainTunableEvent t) {
            StringBuilder b = new StringBuilder(head).append(":\n");
            for (TypedParameter p : t.params()) {
                b.append("\t").append(p.field()).append(": ").append(p.valueText()).append('\n');
            }
            return b.toString();
        }
        if (e instanceof DomainJobCompletedEvent j) {
            StringBuilder b = new StringBuilder(head).append(":\n");
            for (TypedParameter p : j.params()) {
                b.append("\t").append(p.field()).append(": ").append(p.valueText()).append('\n');
            }
            return b.toString();
        }
        return head + "\n";
    }

    private static String blockJobType(org.jvirt.api.DomainBlockJobType t) {
        return switch (t) {
            case PULL -> "Block Pull";
            case COPY -> "Block Copy";
            case COMMIT -> "Block Commit";
            case ACTIVE_COMMIT -> "Active Block Commit";
            case BACKUP -> "Backup";
            default -> "unknown";
        };
    }
}
