package org.jvirt.shell.internal.commands;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;

/** dominfo: a domain's id, name, UUID, state, CPUs, memory, persistence, autostart and security label. */
public final class Dominfo implements VirshCommand {
    /** The most memory virDomainInfo can say; virsh prints it as "no limit". */
    private static final long UINT_MAX = 0xffffffffL;

    private static final CommandDef DEF = VirshTables.command("dominfo");

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args, DomainLookup.By.ID_UUID_NAME).domain();
        int id = dom.getID();
        line(ctx, "Id:", id == -1 ? "-" : Integer.toString(id));
        line(ctx, "Name:", dom.getName());
        line(ctx, "UUID:", dom.getUUIDString());
        try {
            line(ctx, "OS Type:", dom.getOSType());
        } catch (VirtException e) {
            // virsh leaves the line out
        }
        VirtException infoError = null;
        try {
            DomainInfo info = dom.getInfo();
            line(ctx, "State:", DomainStates.name(info.state()));
            line(ctx, "CPU(s):", Integer.toString(info.nrVirtCpu()));
            if (info.cpuTimeNanos() != 0) {
                line(ctx, "CPU time:", seconds(info.cpuTimeNanos()) + "s");
            }
            line(ctx, "Max memory:", info.maxMemKiB() == UINT_MAX ? "no limit" : info.maxMemKiB() + " KiB");
            line(ctx, "Used memory:", info.memoryKiB() + " KiB");
        } catch (VirtException e) {
            infoError = e;
        }
        String persistent;
        try {
            persistent = dom.isPersistent() ? "yes" : "no";
        } catch (VirtException e) {
            persistent = "unknown";
        }
        line(ctx, "Persistent:", persistent);
        try {
            line(ctx, "Autostart:", dom.getAutostart() ? "enable" : "disable");
        } catch (VirtException e) {
            // virsh leaves the line out
        }
        String managedSave;
        try {
            managedSave = dom.hasManagedSaveImage() ? "yes" : "no";
        } catch (VirtException e) {
            managedSave = "unknown";
        }
        line(ctx, "Managed save:", managedSave);
        security(ctx, dom);
        messages(ctx, dom);
        if (infoError != null) {
            throw infoError;
        }
    }

    private static void security(CommandContext ctx, Domain dom) {
        SecurityModel model;
        try {
            model = ctx.connection().getSecurityModel();
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_SUPPORT) {
                return;
            }
            throw e;
        }
        if (model.model() == null || model.model().isEmpty()) {
            return;
        }
        line(ctx, "Security model:", model.model());
        line(ctx, "Security DOI:", model.doi() == null ? "" : model.doi());
        SecurityLabel label = dom.getSecurityLabel();
        if (label.label() != null && !label.label().isEmpty()) {
            line(ctx, "Security label:", label.label() + " (" + (label.enforcing() ? "enforcing" : "permissive") + ")");
        }
    }

    /** The hypervisor's messages (taints, deprecations), if it has any and can tell; virsh ignores a failure. */
    private static void messages(CommandContext ctx, Domain dom) {
        List<String> messages;
        try {
            messages = dom.getMessages(Set.of());
        } catch (VirtException e) {
            return;
        }
        for (int i = 0; i < messages.size(); i++) {
            line(ctx, i == 0 ? "Messages:" : "", messages.get(i));
        }
    }

    /** CPU time in seconds with one decimal, rounded as C's printf rounds. */
    static String seconds(long nanos) {
        return new BigDecimal((double) nanos / 1_000_000_000.0).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static void line(CommandContext ctx, String label, String value) {
        ctx.print(String.format("%-15s %s\n", label, value));
    }
}
