package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvirt.daemon.probe.BenignArgs;
import org.jvirt.rpc.peer.LibvirtdPeer;
import org.jvirt.daemon.probe.ProcedureProbe;
import org.jvirt.daemon.probe.ProcedureProbe.Outcome;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only socket against the table, procedure by procedure: every procedure is called on jvirt's read-only
 * socket with empty, filled and all-flags arguments; those the table refuses get libvirt's refusal word for word,
 * the others never do. With libvirtd installed, the table itself is checked against libvirtd's read-only socket.
 */
class ReadOnlyTableTest {
    private final ProcedureTable table = ProcedureTable.load();

    @TempDir
    Path home;

    /** What each pass gave, per procedure. */
    private record Passes(List<Outcome> plain, List<Outcome> filled, List<Outcome> flagged) {
    }

    private static Passes probe(Path socket) {
        ProcedureProbe probe = new ProcedureProbe(() -> Transports.connectUnix(socket), "test:///default");
        try {
            Map<Class<?>, Object> objects = BenignArgs.testDriverObjects(probe.testDomainUuid());
            List<Procedure<?, ?>> all = ProcedureProbe.probed();
            return new Passes(probe.run(all, new BenignArgs(objects, 0)), probe.run(all, new BenignArgs(objects, 0,
                    true)), probe.run(all, new BenignArgs(objects, -1)));
        } finally {
            probe.close();
        }
    }

    @Test
    void jvirtsReadOnlySocketRefusesExactlyWhatTheTableSays() throws Exception {
        Passes p;
        try (TestDaemon d = TestDaemon.start(home)) {
            p = probe(d.roSocket());
        }
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < p.plain().size(); i++) {
            Procedure<?, ?> proc = p.plain().get(i).procedure();
            ProcedureTable.Facts f = table.facts(proc);
            List<Outcome> outs = List.of(p.plain().get(i), p.filled().get(i), p.flagged().get(i));
            ReadOnlyRule rule = f.readOnly();
            for (int pass = 0; pass < 3; pass++) {
                Outcome o = outs.get(pass);
                boolean expected = rule instanceof ReadOnlyRule.Always
                        || rule instanceof ReadOnlyRule.WithFlags && pass == 2
                        || rule instanceof ReadOnlyRule.WithValue && pass == 1;
                if (expected) {
                    refused++;
                    String want = "operation forbidden: " + f.refusal();
                    if (!o.denied() || !want.equals(o.message()) || o.domain() != f.domain().value()) {
                        wrong.add(proc.name() + " pass " + pass + ": want refusal '" + want + "' (domain "
                                + f.domain().value() + "), got " + o.describe());
                    }
                } else if (o.denied()) {
                    wrong.add(proc.name() + " pass " + pass + ": refused but allowed by the table: " + o.describe());
                }
            }
        }
        assertThat(wrong).isEmpty();
        // the 203 always refused in three passes, the five flag or argument rules once
        assertThat(refused).isEqualTo(203 * 3 + 5);
    }

    @Test
    void theTableIsLibvirtdsReadOnlySocket() throws Exception {
        Passes p;
        try (LibvirtdPeer peer = LibvirtdPeer.start()) {
            p = probe(peer.readOnlySocket());
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < p.plain().size(); i++) {
            Procedure<?, ?> proc = p.plain().get(i).procedure();
            ProcedureTable.Facts f = table.facts(proc);
            boolean plainOrFilled = p.plain().get(i).denied() || p.filled().get(i).denied();
            boolean flagged = p.flagged().get(i).denied();
            ReadOnlyRule rule = f.readOnly();
            boolean agrees;
            if (rule instanceof ReadOnlyRule.Always) {
                // two rows come from libvirt's source: libvirtd wants a file descriptor before it checks
                agrees = plainOrFilled || proc.name().equals("DOMAIN_OPEN_GRAPHICS")
                        || proc.name().equals("DOMAIN_FD_ASSOCIATE");
            } else if (rule instanceof ReadOnlyRule.WithFlags) {
                agrees = !p.plain().get(i).denied() && flagged;
            } else if (rule instanceof ReadOnlyRule.WithValue) {
                agrees = !p.plain().get(i).denied() && p.filled().get(i).denied();
            } else {
                agrees = !plainOrFilled && !flagged;
            }
            if (!agrees) {
                wrong.add(proc.name() + ": table says " + rule + ", libvirtd: " + p.plain().get(i).describe() + " / "
                        + p.filled().get(i).describe() + " / " + p.flagged().get(i).describe());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
