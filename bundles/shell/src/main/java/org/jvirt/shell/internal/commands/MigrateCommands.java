package org.jvirt.shell.internal.commands;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainMigrateFlag;
import org.jvirt.api.DomainMigrateMaxSpeedFlag;
import org.jvirt.api.TypedParameters;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.TableCommand;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * Migration as virsh-domain.c drives it: migrate (its options become migration parameters and flags; peer-to-peer
 * and direct migrations go through the source, the others open the destination themselves; --verbose shows the
 * job's progress, --timeout suspends the domain or switches to post-copy), and the migration tunables.
 */
final class MigrateCommands {
    private MigrateCommands() {
    }

    /** virsh's string options and the migration parameters they set. */
    private static final String[][] STRING_PARAMS = {{"migrateuri", "migrate_uri"}, {"graphicsuri", "graphics_uri"},
        {"listen-address", "listen_address"}, {"dname", "destination_name"}, {"disks-uri", "disks_uri"},
        {"tls-destination", "tls.destination"}};

    /** virsh's bool options and the flags they set. */
    private static final Object[][] FLAGS = {{"live", DomainMigrateFlag.LIVE}, {"p2p", DomainMigrateFlag.PEER2PEER},
        {"tunnelled", DomainMigrateFlag.TUNNELLED}, {"persistent", DomainMigrateFlag.PERSIST_DEST},
        {"undefinesource", DomainMigrateFlag.UNDEFINE_SOURCE}, {"suspend", DomainMigrateFlag.PAUSED},
        {"copy-storage-all", DomainMigrateFlag.NON_SHARED_DISK}, {"copy-storage-inc", DomainMigrateFlag.NON_SHARED_INC},
        {"copy-storage-synchronous-writes", DomainMigrateFlag.NON_SHARED_SYNCHRONOUS_WRITES},
        {"change-protection", DomainMigrateFlag.CHANGE_PROTECTION}, {"unsafe", DomainMigrateFlag.UNSAFE},
        {"compressed", DomainMigrateFlag.COMPRESSED}, {"auto-converge", DomainMigrateFlag.AUTO_CONVERGE},
        {"rdma-pin-all", DomainMigrateFlag.RDMA_PIN_ALL}, {"abort-on-error", DomainMigrateFlag.ABORT_ON_ERROR},
        {"postcopy", DomainMigrateFlag.POSTCOPY}, {"postcopy-resume", DomainMigrateFlag.POSTCOPY_RESUME},
        {"zerocopy", DomainMigrateFlag.ZEROCOPY}, {"tls", DomainMigrateFlag.TLS},
        {"parallel", DomainMigrateFlag.PARALLEL}, {"offline", DomainMigrateFlag.OFFLINE}};

    static List<VirshCommand> all() {
        return List.of(
                TableCommand.of("migrate", MigrateCommands::migrate),
                TableCommand.of("migrate-setmaxdowntime", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    long downtime = args.ulong("downtime").orElse(0);
                    if (downtime < 1) {
                        throw new CommandFailure("migrate: Invalid downtime");
                    }
                    dom.migrateSetMaxDowntime(downtime);
                }),
                TableCommand.of("migrate-getmaxdowntime", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    ctx.print(Long.toUnsignedString(dom.migrateGetMaxDowntime()) + "\n");
                }),
                TableCommand.of("migrate-compcache", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    var size = args.scaled("size", 1, -1L);
                    if (size.isPresent()) {
                        dom.migrateSetCompressionCache(size.getAsLong());
                    }
                    CFormat.Capacity c = CFormat.capacity(dom.migrateGetCompressionCache());
                    ctx.print("Compression cache: " + c);
                }),
                TableCommand.of("migrate-setspeed", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    long bandwidth = args.ulong("bandwidth").orElse(0);
                    dom.migrateSetMaxSpeed(bandwidth, postcopy(args));
                }),
                TableCommand.of("migrate-getspeed", (ctx, args) -> {
                    Domain dom = DomainLookup.domain(ctx, args);
                    ctx.print(Long.toUnsignedString(dom.migrateGetMaxSpeed(postcopy(args))) + "\n");
                }),
                TableCommand.of("migrate-postcopy", (ctx, args) -> DomainLookup.domain(ctx, args)
                        .migrateStartPostCopy()));
    }

    private static Set<DomainMigrateMaxSpeedFlag> postcopy(ParsedArgs args) {
        return args.has("postcopy") ? EnumSet.of(DomainMigrateMaxSpeedFlag.POSTCOPY)
                : EnumSet.noneOf(DomainMigrateMaxSpeedFlag.class);
    }

    private static void migrate(CommandContext ctx, ParsedArgs args) {
        Domain dom = DomainLookup.domain(ctx, args);
        String desturi = args.string("desturi");
        TypedParameters.Builder params = TypedParameters.builder();
        for (String[] p : STRING_PARAMS) {
            String v = args.string(p[0]);
            if (v != null) {
                params.addString(p[1], v);
            }
        }
        String disks = args.string("migrate-disks");
        if (disks != null) {
            for (String d : disks.split(",")) {
                params.addString("migrate_disks", d);
            }
        }
        String methods = args.string("comp-methods");
        if (methods != null) {
            for (String m : methods.split(",")) {
                params.addString("compression", m);
            }
        }
        intParam(args, params, "disks-port", "disks_port");
        intParam(args, params, "comp-mt-level", "compression.mt.level");
        intParam(args, params, "comp-mt-threads", "compression.mt.threads");
        intParam(args, params, "comp-mt-dthreads", "compression.mt.dthreads");
        intParam(args, params, "auto-converge-initial", "auto_converge.initial");
        intParam(args, params, "auto-converge-increment", "auto_converge.increment");
        intParam(args, params, "parallel-connections", "parallel.connections");
        if (args.has("comp-xbzrle-cache")) {
            params.addULLong("compression.xbzrle.cache", args.ulong("comp-xbzrle-cache").getAsLong());
        }
        if (args.has("postcopy-bandwidth")) {
            params.addULLong("bandwidth.postcopy", args.ulong("postcopy-bandwidth").getAsLong());
        }
        if (args.has("bandwidth")) {
            params.addULLong("bandwidth", args.ulong("bandwidth").getAsLong());
        }
        String xml = args.string("xml");
        if (xml != null) {
            params.addString("destination_xml", XmlFiles.read(ctx, xml));
        }
        String persistentXml = args.string("persistent-xml");
        if (persistentXml != null) {
            params.addString("persistent_xml", XmlFiles.read(ctx, persistentXml));
        }
        EnumSet<DomainMigrateFlag> flags = EnumSet.noneOf(DomainMigrateFlag.class);
        for (Object[] f : FLAGS) {
            if (args.has((String) f[0])) {
                flags.add((DomainMigrateFlag) f[1]);
            }
        }
        boolean timeoutOption = args.has("timeout-suspend") || args.has("timeout-postcopy");
        if (args.has("timeout")) {
            if (args.has("offline")) {
                throw new CommandFailure("migrate: Unexpected timeout for offline migration");
            }
            args.timeoutMs();
        } else if (timeoutOption) {
            throw new CommandFailure("migrate: Unexpected --timeout-* option without --timeout");
        }
        TypedParameters built = params.build();
        Progress.job(ctx, args, dom, "Migration", () -> {
            if (args.has("p2p") || args.has("direct")) {
                dom.migrateToURI3(desturi, built, flags);
            } else {
                Connect dest = ctx.factory().open(desturi);
                try {
                    dom.migrate3(dest, built, flags);
                } finally {
                    dest.close();
                }
            }
        });
        ctx.printExtra("\n");
    }

    private static void intParam(ParsedArgs args, TypedParameters.Builder params, String option, String field) {
        var v = args.integer(option);
        if (v.isPresent()) {
            params.addInt(field, v.getAsInt());
        }
    }
}
