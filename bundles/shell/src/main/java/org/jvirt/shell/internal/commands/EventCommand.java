package org.jvirt.shell.internal.commands;

import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockJobType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.BlockJobStatus;
import org.jvirt.api.event.DomainAgentLifecycleEvent;
import org.jvirt.api.event.DomainBalloonChangeEvent;
import org.jvirt.api.event.DomainBlockJob2Event;
import org.jvirt.api.event.DomainBlockJobEvent;
import org.jvirt.api.event.DomainBlockThresholdEvent;
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
import org.jvirt.api.event.DomainRtcChangeEvent;
import org.jvirt.api.event.DomainTrayChangeEvent;
import org.jvirt.api.event.DomainTunableEvent;
import org.jvirt.api.event.DomainWatchdogEvent;
import org.jvirt.api.event.GraphicsAddress;
import org.jvirt.api.event.GraphicsSubjectIdentity;
import org.jvirt.api.event.MemoryFailureFlag;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/**
 * event: waits for domain events and prints each as virsh's virsh-domain-event.c does ("event 'lifecycle' for
 * domain 'test': Stopped Destroyed"); one event, or every event until Ctrl-C or --timeout with --loop; then how
 * many arrived.
 */
final class EventCommand implements VirshCommand {
    /** virsh's event names, in libvirt's order of event ids. */
    static final List<String> NAMES = List.of("lifecycle", "reboot", "rtc-change", "watchdog", "io-error", "graphics",
            "io-error-reason", "control-error", "block-job", "disk-change", "tray-change", "pm-wakeup", "pm-suspend",
            "balloon-change", "pm-suspend-disk", "device-removed", "block-job-2", "tunable", "agent-lifecycle",
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

    @Override
    public CommandDef definition() {
        return VirshTables.command("event");
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        args.exclusive("all", "event");
        args.exclusive("list", "all");
        args.exclusive("list", "event");
        if (args.has("list")) {
            NAMES.forEach(n -> ctx.print(n + "\n"));
            return;
        }
        String eventName = args.string("event");
        boolean all = args.has("all");
        if (eventName == null && !all) {
            throw new CommandFailure("one of --list, --all, or --event <type> is required");
        }
        if (eventName != null && !NAMES.contains(eventName)) {
            throw new CommandFailure("unknown event type " + eventName);
        }
        long timeoutMs = args.timeoutMs().orElse(0);
        Domain dom = args.has("domain") ? DomainLookup.domain(ctx, args) : null;
        EventLoop loop = new EventLoop(args.has("loop"), args.has("timestamp"));
        boolean first = true;
        for (DomainEventId id : DomainEventId.values()) {
            if (eventName != null && !eventName.equals(NAMES.get(id.ordinal()))) {
                continue;
            }
            try {
                loop.keep(ctx.connection().domainEventRegisterAny(dom, id, e -> loop.post(describe(e))));
            } catch (VirtException e) {
                // with --all, a server that knows fewer events refuses the later ones: virsh goes on without them
                if (first) {
                    throw e;
                }
            }
            first = false;
        }
        loop.run(ctx, timeoutMs, null);
    }

    /** One event as virsh prints it, newline included. */
    static String describe(DomainEvent e) {
        String name = e.domain().getName();
        String head = "event '" + NAMES.get(e.id().ordinal()) + "' for domain '" + name + "'";
        if (e instanceof DomainLifecycleEvent l) {
            int t = l.type().ordinal();
            List<String> details = t < DETAILS.size() ? DETAILS.get(t) : List.of();
            String detail = l.detail() >= 0 && l.detail() < details.size() ? details.get(l.detail()) : "unknown";
            return head + ": " + (t < TYPES.size() ? TYPES.get(t) : "unknown") + " " + detail + "\n";
        }
        if (e instanceof DomainRtcChangeEvent r) {
            return head + ": " + r.utcOffset() + "\n";
        }
        if (e instanceof DomainWatchdogEvent w) {
            String action = switch (w.action()) {
                case NONE -> "none";
                case PAUSE -> "pause";
                case RESET -> "reset";
                case POWEROFF -> "poweroff";
                case SHUTDOWN -> "shutdown";
                case DEBUG -> "debug";
                case INJECTNMI -> "inject-nmi";
            };
            return head + ": " + action + "\n";
        }
        if (e instanceof DomainIOErrorEvent io) {
            // virsh names both io-error callbacks 'io-error'
            return "event 'io-error' for domain '" + name + "': " + io.srcPath() + " (" + io.devAlias() + ") "
                    + ioAction(io.action()) + "\n";
        }
        if (e instanceof DomainIOErrorReasonEvent io) {
            return "event 'io-error' for domain '" + name + "': " + io.srcPath() + " (" + io.devAlias() + ") "
                    + ioAction(io.action()) + " due to " + io.reason() + "\n";
        }
        if (e instanceof DomainGraphicsEvent g) {
            StringBuilder b = new StringBuilder(head).append(": ").append(switch (g.phase()) {
                case CONNECT -> "connect";
                case INITIALIZE -> "initialize";
                case DISCONNECT -> "disconnect";
            });
            b.append(" local[").append(address(g.local())).append("] remote[").append(address(g.remote()))
                    .append("] ").append(g.authScheme()).append('\n');
            for (GraphicsSubjectIdentity id : g.subject()) {
                b.append('\t').append(id.type()).append('=').append(id.name()).append('\n');
            }
            return b.toString();
        }
        if (e instanceof DomainBlockJobEvent b) {
            return head + ": " + blockJob(b.type()) + " for " + b.disk() + " " + status(b.status()) + "\n";
        }
        if (e instanceof DomainBlockJob2Event b) {
            return head + ": " + blockJob(b.type()) + " for " + b.disk() + " " + status(b.status()) + "\n";
        }
        if (e instanceof DomainDiskChangeEvent d) {
            String reason = switch (d.reason()) {
                case CHANGE_MISSING_ON_START -> "changed";
                case DROP_MISSING_ON_START -> "dropped";
            };
            return head + " disk " + d.devAlias() + ": " + nullstr(d.oldSrcPath()) + " -> "
                    + nullstr(d.newSrcPath()) + ": " + reason + "\n";
        }
        if (e instanceof DomainTrayChangeEvent t) {
            String reason = switch (t.reason()) {
                case OPEN -> "opened";
                case CLOSE -> "closed";
            };
            return head + " disk " + t.devAlias() + ": " + reason + "\n";
        }
        if (e instanceof DomainBalloonChangeEvent b) {
            return head + ": " + Long.toUnsignedString(b.actualKiB()) + "KiB\n";
        }
        if (e instanceof DomainDeviceRemovedEvent r) {
            return head + ": " + r.devAlias() + "\n";
        }
        if (e instanceof DomainDeviceAddedEvent a) {
            return head + ": " + a.devAlias() + "\n";
        }
        if (e instanceof DomainDeviceRemovalFailedEvent r) {
            return head + ": " + r.devAlias() + "\n";
        }
        if (e instanceof DomainTunableEvent t) {
            return head + ":\n" + params(t.params());
        }
        if (e instanceof DomainJobCompletedEvent j) {
            return head + ":\n" + params(j.params());
        }
        if (e instanceof DomainAgentLifecycleEvent a) {
            String state = switch (a.state()) {
                case CONNECTED -> "connected";
                case DISCONNECTED -> "disconnected";
            };
            String reason = switch (a.reason()) {
                case UNKNOWN -> "unknown";
                case DOMAIN_STARTED -> "domain started";
                case CHANNEL -> "channel event";
            };
            return head + ": state: '" + state + "' reason: '" + reason + "'\n";
        }
        if (e instanceof DomainMigrationIterationEvent m) {
            return head + ": iteration: '" + m.iteration() + "'\n";
        }
        if (e instanceof DomainMetadataChangeEvent m) {
            String type = switch (m.type()) {
                case DESCRIPTION -> "description";
                case TITLE -> "title";
                case ELEMENT -> "element";
            };
            return head + ": type " + type + ", uri " + nullstr(m.nsuri()) + "\n";
        }
        if (e instanceof DomainBlockThresholdEvent t) {
            return head + ": dev: " + t.dev() + "(" + nullstr(t.path()) + ") " + Long.toUnsignedString(t.threshold())
                    + " " + Long.toUnsignedString(t.excess()) + "\n";
        }
        if (e instanceof DomainMemoryFailureEvent m) {
            String recipient = switch (m.recipient()) {
                case HYPERVISOR -> "hypervisor";
                case GUEST -> "guest";
            };
            String action = switch (m.action()) {
                case IGNORE -> "ignore";
                case INJECT -> "inject";
                case FATAL -> "fatal";
                case RESET -> "reset";
            };
            return head + ":\nrecipient: " + recipient + "\naction: " + action + "\nflags:\n\taction required: "
                    + (m.flags().contains(MemoryFailureFlag.ACTION_REQUIRED) ? 1 : 0) + "\n\trecursive: "
                    + (m.flags().contains(MemoryFailureFlag.RECURSIVE) ? 1 : 0) + "\n";
        }
        if (e instanceof DomainMemoryDeviceSizeChangeEvent m) {
            return head + ":\nalias: " + m.alias() + "\nsize: " + Long.toUnsignedString(m.sizeKiB()) + "\n";
        }
        // reboot, control-error and the power management events say nothing more
        return head + "\n";
    }

    private static String ioAction(org.jvirt.api.event.IOErrorAction action) {
        return switch (action) {
            case NONE -> "none";
            case PAUSE -> "pause";
            case REPORT -> "report";
        };
    }

    private static String address(GraphicsAddress a) {
        String family = switch (a.family()) {
            case IPV4 -> "IPv4";
            case IPV6 -> "IPv6";
            case UNIX -> "unix";
        };
        return family + " " + a.node() + " " + a.service();
    }

    private static String params(Iterable<TypedParameter> params) {
        StringBuilder b = new StringBuilder();
        for (TypedParameter p : params) {
            b.append('\t').append(p.field()).append(": ").append(CFormat.typedParameter(p)).append('\n');
        }
        return b.toString();
    }

    private static String nullstr(String s) {
        return s == null ? "<null>" : s;
    }

    /** virshDomainBlockJobToString: the job's name, "Unknown job" when it has none. */
    static String blockJob(DomainBlockJobType t) {
        return switch (t) {
            case PULL -> "Block Pull";
            case COPY -> "Block Copy";
            case COMMIT -> "Block Commit";
            case ACTIVE_COMMIT -> "Active Block Commit";
            case BACKUP -> "Backup";
            default -> "Unknown job";
        };
    }

    private static String status(BlockJobStatus s) {
        return switch (s) {
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case CANCELED -> "canceled";
            case READY -> "ready";
        };
    }
}
