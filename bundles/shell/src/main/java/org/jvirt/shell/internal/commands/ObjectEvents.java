package org.jvirt.shell.internal.commands;

import java.util.List;

import org.jvirt.api.Network;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.Secret;
import org.jvirt.api.StoragePool;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NetworkLifecycleEvent;
import org.jvirt.api.event.NodeDeviceEventId;
import org.jvirt.api.event.NodeDeviceLifecycleEvent;
import org.jvirt.api.event.SecretEventId;
import org.jvirt.api.event.SecretLifecycleEvent;
import org.jvirt.api.event.StoragePoolEventId;
import org.jvirt.api.event.StoragePoolLifecycleEvent;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * The event commands of networks, storage pools, node devices and secrets (net-event, pool-event, nodedev-event,
 * secret-event): each waits for one kind of event and prints it as virsh does ("event 'lifecycle' for network
 * default: Started").
 */
final class ObjectEvents {
    private static final List<String> NETWORK_TYPES = List.of("Defined", "Undefined", "Started", "Stopped");
    private static final List<String> POOL_TYPES = List.of("Defined", "Undefined", "Started", "Stopped", "Created",
            "Deleted");
    private static final List<String> NODEDEV_TYPES = List.of("Created", "Deleted", "Defined", "Undefined");
    private static final List<String> SECRET_TYPES = List.of("Defined", "Undefined");

    private ObjectEvents() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("net-event", ObjectEvents::networkEvent),
                TableCommand.of("pool-event", ObjectEvents::poolEvent),
                TableCommand.of("nodedev-event", ObjectEvents::nodedevEvent),
                TableCommand.of("secret-event", ObjectEvents::secretEvent));
    }

    /** The event's index among {@code names}, after --list and the checks virsh makes; -1 when --list printed. */
    private static int event(CommandContext ctx, ParsedArgs args, List<String> names) {
        if (args.has("list")) {
            names.forEach(n -> ctx.print(n + "\n"));
            return -1;
        }
        String name = args.string("event");
        if (name == null) {
            throw new CommandFailure("either --list or --event <type> is required");
        }
        int i = names.indexOf(name);
        if (i < 0) {
            throw new CommandFailure("unknown event type " + name);
        }
        return i;
    }

    private static String type(List<String> types, int ordinal) {
        return ordinal < types.size() ? types.get(ordinal) : "unknown";
    }

    private static void networkEvent(CommandContext ctx, ParsedArgs args) {
        int id = event(ctx, args, List.of("lifecycle"));
        if (id < 0) {
            return;
        }
        long timeout = args.timeoutMs().orElse(0);
        EventLoop loop = new EventLoop(args.has("loop"), args.has("timestamp"));
        // virsh reports a network it cannot find and goes on listening to every network
        Network net = null;
        VirtException pending = null;
        if (args.has("network")) {
            try {
                net = Lookups.network(ctx, args, "network");
            } catch (CommandFailure f) {
                ctx.error(f.getMessage());
                pending = f.libvirtError();
            }
        }
        loop.keep(ctx.connection().networkEventRegisterAny(net, NetworkEventId.values()[id], e -> {
            NetworkLifecycleEvent l = (NetworkLifecycleEvent) e;
            loop.post("event 'lifecycle' for network " + l.network().getName() + ": "
                    + type(NETWORK_TYPES, l.type().ordinal()) + "\n");
        }));
        loop.run(ctx, timeout, pending);
    }

    private static void poolEvent(CommandContext ctx, ParsedArgs args) {
        List<String> names = List.of("lifecycle", "refresh");
        int id = event(ctx, args, names);
        if (id < 0) {
            return;
        }
        long timeout = args.timeoutMs().orElse(0);
        EventLoop loop = new EventLoop(args.has("loop"), args.has("timestamp"));
        StoragePool pool = null;
        VirtException pending = null;
        if (args.has("pool")) {
            try {
                pool = Lookups.pool(ctx, args, "pool");
            } catch (CommandFailure f) {
                ctx.error(f.getMessage());
                pending = f.libvirtError();
            }
        }
        loop.keep(ctx.connection().storagePoolEventRegisterAny(pool, StoragePoolEventId.values()[id], e -> {
            if (e instanceof StoragePoolLifecycleEvent l) {
                loop.post("event 'lifecycle' for storage pool " + l.pool().getName() + ": "
                        + type(POOL_TYPES, l.type().ordinal()) + "\n");
            } else {
                loop.post("event '" + names.get(id) + "' for storage pool " + e.pool().getName() + "\n");
            }
        }));
        loop.run(ctx, timeout, pending);
    }

    private static void nodedevEvent(CommandContext ctx, ParsedArgs args) {
        List<String> names = List.of("lifecycle", "update");
        int id = event(ctx, args, names);
        if (id < 0) {
            return;
        }
        long timeout = args.timeoutMs().orElse(0);
        EventLoop loop = new EventLoop(args.has("loop"), args.has("timestamp"));
        NodeDevice dev = args.has("device") ? Lookups.nodedevByName(ctx, args, "device") : null;
        loop.keep(ctx.connection().nodeDeviceEventRegisterAny(dev, NodeDeviceEventId.values()[id], e -> {
            if (e instanceof NodeDeviceLifecycleEvent l) {
                loop.post("event 'lifecycle' for node device " + l.device().getName() + ": "
                        + type(NODEDEV_TYPES, l.type().ordinal()) + "\n");
            } else {
                loop.post("event '" + names.get(id) + "' for node device " + e.device().getName() + "\n");
            }
        }));
        loop.run(ctx, timeout, null);
    }

    private static void secretEvent(CommandContext ctx, ParsedArgs args) {
        List<String> names = List.of("lifecycle", "value-changed");
        int id = event(ctx, args, names);
        if (id < 0) {
            return;
        }
        long timeout = args.timeoutMs().orElse(0);
        EventLoop loop = new EventLoop(args.has("loop"), args.has("timestamp"));
        Secret secret = null;
        VirtException pending = null;
        if (args.has("secret")) {
            try {
                secret = Lookups.secret(ctx, args, "secret");
            } catch (CommandFailure f) {
                ctx.error(f.getMessage());
                pending = f.libvirtError();
            }
        }
        loop.keep(ctx.connection().secretEventRegisterAny(secret, SecretEventId.values()[id], e -> {
            if (e instanceof SecretLifecycleEvent l) {
                loop.post("event 'lifecycle' for secret " + l.secret().getUUIDString() + ": "
                        + type(SECRET_TYPES, l.type().ordinal()) + "\n");
            } else {
                loop.post("event '" + names.get(id) + "' for secret " + e.secret().getUUIDString() + "\n");
            }
        }));
        loop.run(ctx, timeout, pending);
    }
}
