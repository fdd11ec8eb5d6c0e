package org.jvirt.shell.internal.commands;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;
import org.jvirt.shell.internal.vsh.VirshTables;
import org.jvirt.shell.internal.vsh.VshTable;

/** list: the domains matching the filters, as a table (by default) or as UUIDs, ids or names, one per line. */
public final class ListDomains implements VirshCommand {
    private static final CommandDef DEF = VirshTables.command("list");

    /** An option that adds a filter. */
    private record Filter(String option, ListDomainsFlag flag) {
    }

    private static final List<Filter> FILTERS = List.of(
            new Filter("persistent", ListDomainsFlag.PERSISTENT),
            new Filter("transient", ListDomainsFlag.TRANSIENT),
            new Filter("with-managed-save", ListDomainsFlag.MANAGEDSAVE),
            new Filter("without-managed-save", ListDomainsFlag.NO_MANAGEDSAVE),
            new Filter("autostart", ListDomainsFlag.AUTOSTART),
            new Filter("no-autostart", ListDomainsFlag.NO_AUTOSTART),
            new Filter("with-snapshot", ListDomainsFlag.HAS_SNAPSHOT),
            new Filter("without-snapshot", ListDomainsFlag.NO_SNAPSHOT),
            new Filter("with-checkpoint", ListDomainsFlag.HAS_CHECKPOINT),
            new Filter("without-checkpoint", ListDomainsFlag.NO_CHECKPOINT),
            new Filter("state-running", ListDomainsFlag.RUNNING),
            new Filter("state-paused", ListDomainsFlag.PAUSED),
            new Filter("state-shutoff", ListDomainsFlag.SHUTOFF),
            new Filter("state-other", ListDomainsFlag.OTHER));

    @Override
    public CommandDef definition() {
        return DEF;
    }

    @Override
    public void run(CommandContext ctx, ParsedArgs args) {
        boolean managed = args.has("managed-save");
        boolean title = args.has("title");
        boolean uuid = args.has("uuid");
        boolean name = args.has("name");
        boolean id = args.has("id");

        EnumSet<ListDomainsFlag> flags = EnumSet.of(ListDomainsFlag.ACTIVE);
        if (args.has("inactive") || args.has("state-shutoff")) {
            flags = EnumSet.of(ListDomainsFlag.INACTIVE);
        }
        if (args.has("all")) {
            flags = EnumSet.of(ListDomainsFlag.ACTIVE, ListDomainsFlag.INACTIVE);
        }
        for (Filter f : FILTERS) {
            if (args.has(f.option())) {
                flags.add(f.flag());
            }
        }
        args.exclusive("table", "name");
        args.exclusive("table", "uuid");
        args.exclusive("table", "id");
        boolean table = args.has("table") || (!uuid && !name && !id);

        List<Domain> domains = DomainFilter.collect(ctx.connection(), flags);
        domains.sort(ORDER);

        // --uuid, --name and --id exclude the table, so a table never has a UUID column
        VshTable out = !table ? null : title ? new VshTable("Id", "Name", "State", "Title")
                : new VshTable("Id", "Name", "State");
        for (Domain dom : domains) {
            int domId = dom.getID();
            String idText = domId != -1 ? Integer.toString(domId) : "-";
            if (table) {
                DomainStateInfo state;
                try {
                    state = DomainStates.of(dom);
                } catch (VirtException e) {
                    continue; // gone in the meantime
                }
                String stateText = managed && state.state() == DomainState.SHUTOFF && hasManagedSave(dom) ? "saved"
                        : DomainStates.name(state.state());
                if (title) {
                    out.addRow(idText, dom.getName(), stateText, title(dom));
                } else {
                    out.addRow(idText, dom.getName(), stateText);
                }
            } else {
                StringBuilder line = new StringBuilder();
                String sep = "";
                if (uuid) {
                    line.append(dom.getUUIDString());
                    sep = " ";
                }
                if (id) {
                    // ids alone are listed for running domains only
                    if (domId == -1 && !uuid && !name) {
                        continue;
                    }
                    line.append(sep).append(idText);
                    sep = " ";
                }
                if (name) {
                    line.append(sep).append(dom.getName());
                }
                ctx.print(line + "\n");
            }
        }
        if (table) {
            ctx.print(out.render(!ctx.quiet()));
        }
    }

    private static boolean hasManagedSave(Domain dom) {
        try {
            return dom.hasManagedSaveImage();
        } catch (VirtException e) {
            return false;
        }
    }

    /** The domain's title, from its XML as virsh reads it where the driver has no metadata call. */
    private static String title(Domain dom) {
        return DomainXml.title(dom.getXMLDesc(Set.<DomainXMLFlag>of()));
    }

    /** Running domains by id, then the others by name, case-insensitively as g_ascii_strcasecmp compares. */
    static final Comparator<Domain> ORDER = (a, b) -> {
        long ia = Integer.toUnsignedLong(safeId(a));
        long ib = Integer.toUnsignedLong(safeId(b));
        long inactive = 0xffffffffL;
        if (ia == inactive && ib == inactive) {
            return asciiCaseCompare(a.getName(), b.getName());
        }
        if (ia != inactive && ib != inactive) {
            return Long.compare(ia, ib);
        }
        return ia != inactive ? -1 : 1;
    };

    private static int safeId(Domain d) {
        try {
            return d.getID();
        } catch (VirtException e) {
            return -1;
        }
    }

    static int asciiCaseCompare(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = lower(x[i] & 0xff) - lower(y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return x.length - y.length;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /**
     * Listing with filters: the driver filters; a driver that refuses the finer filters (INVALID_ARG) is asked for
     * active and inactive domains only, and the rest is filtered here, as virsh does.
     */
    static final class DomainFilter {
        private DomainFilter() {
        }

        static List<Domain> collect(Connect conn, EnumSet<ListDomainsFlag> flags) {
            try {
                return new ArrayList<>(conn.listAllDomains(flags));
            } catch (VirtException e) {
                if (e.code() != ErrorCode.INVALID_ARG) {
                    throw new CommandFailure("Failed to list domains", e);
                }
            }
            EnumSet<ListDomainsFlag> coarse = EnumSet.noneOf(ListDomainsFlag.class);
            for (ListDomainsFlag f : flags) {
                if (f == ListDomainsFlag.ACTIVE || f == ListDomainsFlag.INACTIVE) {
                    coarse.add(f);
                }
            }
            List<Domain> all;
            try {
                all = new ArrayList<>(conn.listAllDomains(coarse));
            } catch (VirtException e) {
                throw new CommandFailure("Failed to list domains", e);
            }
            all.removeIf(d -> !matches(d, flags));
            return all;
        }

        private static boolean matches(Domain d, Set<ListDomainsFlag> f) {
            if (f.contains(ListDomainsFlag.PERSISTENT) || f.contains(ListDomainsFlag.TRANSIENT)) {
                boolean persistent = ask(d::isPersistent, "Failed to get domain persistence info");
                if (!(f.contains(ListDomainsFlag.PERSISTENT) && persistent
                        || f.contains(ListDomainsFlag.TRANSIENT) && !persistent)) {
                    return false;
                }
            }
            if (f.contains(ListDomainsFlag.RUNNING) || f.contains(ListDomainsFlag.PAUSED)
                    || f.contains(ListDomainsFlag.SHUTOFF) || f.contains(ListDomainsFlag.OTHER)) {
                DomainState s;
                try {
                    s = d.getState().state();
                } catch (VirtException e) {
                    throw new CommandFailure("Failed to get domain state", e);
                }
                boolean other = s != DomainState.RUNNING && s != DomainState.PAUSED && s != DomainState.SHUTOFF;
                if (!(f.contains(ListDomainsFlag.RUNNING) && s == DomainState.RUNNING
                        || f.contains(ListDomainsFlag.PAUSED) && s == DomainState.PAUSED
                        || f.contains(ListDomainsFlag.SHUTOFF) && s == DomainState.SHUTOFF
                        || f.contains(ListDomainsFlag.OTHER) && other)) {
                    return false;
                }
            }
            if (f.contains(ListDomainsFlag.AUTOSTART) || f.contains(ListDomainsFlag.NO_AUTOSTART)) {
                boolean autostart = ask(d::getAutostart, "Failed to get domain autostart state");
                if (!(f.contains(ListDomainsFlag.AUTOSTART) && autostart
                        || f.contains(ListDomainsFlag.NO_AUTOSTART) && !autostart)) {
                    return false;
                }
            }
            if (f.contains(ListDomainsFlag.MANAGEDSAVE) || f.contains(ListDomainsFlag.NO_MANAGEDSAVE)) {
                boolean saved = ask(d::hasManagedSaveImage, "Failed to check for managed save image");
                if (!(f.contains(ListDomainsFlag.MANAGEDSAVE) && saved
                        || f.contains(ListDomainsFlag.NO_MANAGEDSAVE) && !saved)) {
                    return false;
                }
            }
            if (f.contains(ListDomainsFlag.HAS_SNAPSHOT) || f.contains(ListDomainsFlag.NO_SNAPSHOT)) {
                // the API has no snapshot count yet
                throw new CommandFailure("Failed to get snapshot count", VirtException.noSupport("virDomainSnapshotNum"));
            }
            if (f.contains(ListDomainsFlag.HAS_CHECKPOINT) || f.contains(ListDomainsFlag.NO_CHECKPOINT)) {
                throw new CommandFailure("Failed to get checkpoint count",
                        VirtException.noSupport("virDomainListAllCheckpoints"));
            }
            return true;
        }

        private static boolean ask(java.util.function.BooleanSupplier question, String failure) {
            try {
                return question.getAsBoolean();
            } catch (VirtException e) {
                throw new CommandFailure(failure, e);
            }
        }
    }
}
