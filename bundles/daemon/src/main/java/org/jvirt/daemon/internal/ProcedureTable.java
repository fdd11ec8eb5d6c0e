package org.jvirt.daemon.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Program;
import org.jvirt.rpc.qemu.QemuProtocol;
import org.jvirt.rpc.remote.RemoteProtocol;

/**
 * What the daemon knows of each procedure from {@code procedures.tsv}: the libvirt function it stands for, the
 * error domain of that function, and what a read-only connection gets.
 */
final class ProcedureTable {
    /** One procedure's facts. */
    record Facts(Procedure<?, ?> procedure, String function, ReadOnlyRule readOnly, ErrorDomain domain,
            String refusal) {

        /** libvirt's refusal on a read-only connection. */
        VirtException denied() {
            return new VirtException(ErrorCode.OPERATION_DENIED, domain, refusal);
        }

        /** "this function is not supported by the connection driver: virX". */
        VirtException noSupport() {
            return new VirtException(ErrorCode.NO_SUPPORT, domain, function);
        }
    }

    private final Map<Procedure<?, ?>, Facts> facts;

    private ProcedureTable(Map<Procedure<?, ?>, Facts> facts) {
        this.facts = facts;
    }

    static ProcedureTable load() {
        Map<Procedure<?, ?>, Facts> out = new HashMap<>();
        try (InputStream in = ProcedureTable.class.getResourceAsStream("procedures.tsv")) {
            if (in == null) {
                throw new IllegalStateException("procedures.tsv is missing from the daemon bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Program program = f[0].equals("QEMU") ? QemuProtocol.PROGRAM : RemoteProtocol.PROGRAM;
                Procedure<?, ?> p = program.procedure(Integer.parseInt(f[1]));
                if (p == null || !p.name().equals(f[2])) {
                    throw new IllegalStateException("procedures.tsv: " + f[0] + " " + f[1] + " is not " + f[2]);
                }
                ErrorDomain domain = ErrorDomain.fromValue(Integer.parseInt(f[5]));
                out.put(p, new Facts(p, f[3], ReadOnlyRule.parse(f[4], () -> p.args().javaType()),
                        domain == null ? ErrorDomain.NONE : domain, f.length > 7 ? f[7] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProcedureTable(Map.copyOf(out));
    }

    /** The facts of {@code p}, or {@code null} for the procedures the table leaves out (events, open, auth). */
    Facts facts(Procedure<?, ?> p) {
        return facts.get(p);
    }

    /** Every procedure in the table. */
    List<Facts> all() {
        return List.copyOf(facts.values());
    }
}
