package org.jvirt.shell.internal.commands;

import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;
import org.jvirt.api.qemu.QemuAgentCommandTimeout;
import org.jvirt.api.qemu.QemuMonitorCommandFlag;
import org.jvirt.api.qemu.QemuMonitorEventRegisterFlag;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * The hypervisor-specific commands of virsh-domain.c: qemu-monitor-command, qemu-agent-command, qemu-attach,
 * qemu-monitor-event; and those jvirt's API leaves out (lxc-enter-namespace, dom-fd-associate: raw file descriptors
 * and namespaces of the caller's process), which fail as a driver without them fails.
 */
final class QemuCommands {
    private QemuCommands() {
    }

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("qemu-monitor-command", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    if (args.has("pass-fds")) {
                        throw VirtException.noSupport("virDomainQemuMonitorCommandWithFiles");
                    }
                    String cmd = String.join(" ", args.argv("cmd"));
                    String result = dom.qemuMonitorCommand(cmd, args.has("hmp")
                            ? EnumSet.of(QemuMonitorCommandFlag.HMP) : EnumSet.noneOf(QemuMonitorCommandFlag.class));
                    ctx.print(result + "\n");
                }),
                TableCommand.of("qemu-agent-command", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    int timeout = QemuAgentCommandTimeout.DEFAULT.value();
                    if (args.has("timeout")) {
                        args.exclusive("timeout", "async");
                        args.exclusive("timeout", "block");
                        timeout = args.integer("timeout").getAsInt();
                        if (timeout < 1) {
                            throw new CommandFailure("timeout value must be positive");
                        }
                    }
                    args.exclusive("async", "block");
                    if (args.has("async")) {
                        timeout = QemuAgentCommandTimeout.NOWAIT.value();
                    } else if (args.has("block")) {
                        timeout = QemuAgentCommandTimeout.BLOCK.value();
                    }
                    String result = dom.qemuAgentCommand(String.join(" ", args.argv("cmd")), timeout);
                    ctx.print(result + "\n");
                }),
                TableCommand.of("qemu-attach", (ctx, args) -> {
                    String pid = args.string("pid");
                    int p;
                    try {
                        p = Integer.parseInt(pid);
                    } catch (NumberFormatException e) {
                        throw new CommandFailure("Numeric value '" + pid + "' for <pid> option is malformed or out of "
                                + "range");
                    }
                    Domain dom;
                    try {
                        dom = ctx.connection().domainQemuAttach(p);
                    } catch (VirtException e) {
                        throw new CommandFailure("Failed to attach to pid " + p, e);
                    }
                    ctx.print("Domain '" + dom.getName() + "' attached to pid " + p + "\n");
                }),
                TableCommand.of("qemu-monitor-event", QemuCommands::monitorEvent),
                TableCommand.of("lxc-enter-namespace", (ctx, args) -> {
                    DomainLookup.domain(ctx, args);
                    throw VirtException.noSupport("virDomainLxcOpenNamespace");
                }),
                TableCommand.of("dom-fd-associate", (ctx, args) -> {
                    DomainLookup.domain(ctx, args);
                    throw VirtException.noSupport("virDomainFDAssociate");
                }));
    }

    private static void monitorEvent(CommandContext ctx, ParsedArgs args) {
        boolean loop = args.has("loop");
        boolean timestamp = args.has("timestamp");
        long timeoutMs = args.timeoutMs().orElse(0);
        String event = args.string("event");
        EnumSet<QemuMonitorEventRegisterFlag> flags = EnumSet.noneOf(QemuMonitorEventRegisterFlag.class);
        if (args.has("regex")) {
            flags.add(QemuMonitorEventRegisterFlag.REGEX);
        }
        if (args.has("no-case")) {
            flags.add(QemuMonitorEventRegisterFlag.NOCASE);
        }
        Domain dom = args.has("domain") ? DomainLookup.domain(ctx, args) : null;
        EventLoop events = new EventLoop(loop, timestamp);
        events.keep(ctx.connection().domainQemuMonitorEventRegister(dom, event, e -> events.post(String.format(
                "event %s at %d.%06d for domain '%s': %s%n", e.event(), e.seconds(), e.micros(),
                e.domain().getName(), e.details() == null ? "<null>" : e.details())), flags));
        events.run(ctx, timeoutMs, null);
    }
}
