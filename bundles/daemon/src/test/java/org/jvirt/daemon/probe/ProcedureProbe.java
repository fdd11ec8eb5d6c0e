package org.jvirt.daemon.probe;

import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.StreamDirection;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.transport.RpcClient;

/**
 * Calls every REMOTE procedure once with benign arguments on a fresh-enough connection and reports what came
 * back: "ok" or the error's code, domain and message. Run against libvirtd's read-only socket it tells which
 * procedures libvirt refuses there (and with which function name); run against jvirt's it shows the same.
 */
public final class ProcedureProbe {
    /** Procedures that set up or end the connection itself, not probed. */
    public static final Set<String> SKIPPED = Set.of("CONNECT_OPEN", "CONNECT_CLOSE", "AUTH_LIST", "AUTH_SASL_INIT",
            "AUTH_SASL_START", "AUTH_SASL_STEP", "AUTH_POLKIT");

    /** One procedure's outcome. */
    public record Outcome(Procedure<?, ?> procedure, boolean ok, int code, int domain, String message) {
        public boolean denied() {
            return !ok && code == 29;
        }

        public String describe() {
            return ok ? "ok" : "error " + code + " " + domain + " " + message.replace("\n", "\\n").replace("\t", " ");
        }
    }

    private final Supplier<SocketChannel> connector;
    private final String uri;
    private RpcClient client;

    public ProcedureProbe(Supplier<SocketChannel> connector, String uri) {
        this.connector = connector;
        this.uri = uri;
    }

    /** The procedures probed: every one but events and the connection's own. */
    public static List<Procedure<?, ?>> probed() {
        List<Procedure<?, ?>> out = new ArrayList<>();
        for (Procedure<?, ?> p : RemoteProtocol.PROGRAM.procedures()) {
            if (!p.event() && !SKIPPED.contains(p.name())) {
                out.add(p);
            }
        }
        for (Procedure<?, ?> p : org.jvirt.rpc.qemu.QemuProtocol.PROGRAM.procedures()) {
            if (!p.event()) {
                out.add(p);
            }
        }
        return out;
    }

    private RpcClient client() {
        if (client == null || !client.isOpen()) {
            if (client != null) {
                client.close();
            }
            client = RpcClient.open("probe", connector.get());
            client.call(RemoteProtocol.AUTH_LIST, null);
            client.call(RemoteProtocol.CONNECT_OPEN, new RemoteProtocol.ConnectOpenArgs(uri, 0));
        }
        return client;
    }

    /** The test domain's UUID on the probed server. */
    public byte[] testDomainUuid() {
        return client().call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, new RemoteProtocol.DomainLookupByNameArgs("test"))
                .dom().uuid();
    }

    /** Calls each procedure with arguments from {@code args}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Outcome> run(List<Procedure<?, ?>> procedures, BenignArgs args) {
        List<Outcome> out = new ArrayList<>();
        for (Procedure p : procedures) {
            Object a = args.of(p.args());
            Outcome o;
            try {
                client().call(p, a, Duration.ofSeconds(10));
                o = new Outcome(p, true, 0, 0, null);
            } catch (VirtException e) {
                o = new Outcome(p, false, e.code().value(), e.domain().value(), e.getMessage());
            }
            out.add(o);
            if (p.stream() != StreamDirection.NONE || o.ok() && p.name().startsWith("CONNECT_")) {
                // a stream may be open, or the connection changed: start afresh
                close();
            }
        }
        return out;
    }

    /** REMOTE or QEMU. */
    public static String programName(Procedure<?, ?> p) {
        return p.program() == RemoteProtocol.PROGRAM_NUMBER ? "REMOTE" : "QEMU";
    }

    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Prints the table: number, name, outcome with flags 0, outcome with all flags set. */
    public static void main(String[] argv) {
        java.nio.file.Path socket = java.nio.file.Path.of(argv[0]);
        ProcedureProbe probe = new ProcedureProbe(() -> org.jvirt.rpc.transport.Transports.connectUnix(socket),
                "test:///default");
        byte[] uuid = probe.testDomainUuid();
        Map<Class<?>, Object> objects = BenignArgs.testDriverObjects(uuid);
        List<Outcome> plain = probe.run(probed(), new BenignArgs(objects, 0));
        List<Outcome> filled = probe.run(probed(), new BenignArgs(objects, 0, true));
        List<Outcome> flagged = probe.run(probed(), new BenignArgs(objects, -1));
        // the flags that make a read-only connection refuse a call it otherwise allows, bit by bit
        java.util.Map<String, Integer> masks = new java.util.HashMap<>();
        for (int i = 0; i < plain.size(); i++) {
            if (!plain.get(i).denied() && flagged.get(i).denied()) {
                int mask = 0;
                for (int bit = 0; bit < 32; bit++) {
                    if (probe.run(List.of(plain.get(i).procedure()), new BenignArgs(objects, 1 << bit)).get(0)
                            .denied()) {
                        mask |= 1 << bit;
                    }
                }
                masks.put(plain.get(i).procedure().name(), mask);
            }
        }
        probe.close();
        for (int i = 0; i < plain.size(); i++) {
            System.out.println(programName(plain.get(i).procedure()) + "\t" + plain.get(i).procedure().number() + "\t" + plain.get(i).procedure().name() + "\t"
                    + plain.get(i).describe() + "\t" + filled.get(i).describe() + "\t" + flagged.get(i).describe() + "\t"
                    + "0x" + Integer.toHexString(masks.getOrDefault(plain.get(i).procedure().name(), 0)));
        }
    }
}
