package org.jvirt.rpc;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.*;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.RpcServer;
import org.jvirt.rpc.transport.ServerConfig;
import org.jvirt.rpc.transport.ServerProgram;
import org.jvirt.rpc.transport.Transports;
import org.jvirt.rpc.xdr.XdrType;

/**
 * A plain microbenchmark of the codec and the transport (run by hand, see README): warm-up, then timed rounds;
 * prints operations per second. Not a test: timings are never asserted.
 */
public final class CodecBenchmark {
    private CodecBenchmark() {
    }

    interface Op {
        void run();
    }

    static double rate(String what, Op op) {
        for (int i = 0; i < 200_000; i++) {
            op.run();
        }
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long n = 0;
            long start = System.nanoTime();
            long end = start + 400_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    op.run();
                }
                n += 1000;
            }
            best = Math.max(best, n / ((System.nanoTime() - start) / 1e9));
        }
        System.out.printf("%-58s %,14.0f /s%n", what, best);
        return best;
    }

    static <T> Op roundTrip(Procedure<?, ?> p, XdrType<T> type, T value) {
        PacketWriter w = new PacketWriter();
        Header h = new Header(p.program(), p.version(), p.number(), MessageType.REPLY, 1, MessageStatus.OK);
        return () -> {
            ByteBuffer wire = w.encode(h, type, value);
            Packet.parse(wire.position(4)).decode(type);
        };
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        int procs = RemoteProtocol.PROGRAM.procedures().size();
        System.out.printf("RemoteProtocol initialised (%d procedures, all codecs built) in %.0f ms%n", procs,
                (System.nanoTime() - t0) / 1e6);
        NonnullDomain dom = new NonnullDomain("test", new byte[16], 1);
        rate("encode+decode DOMAIN_LOOKUP_BY_NAME args (whole packet)",
                roundTrip(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, RemoteProtocol.DOMAIN_LOOKUP_BY_NAME.args(),
                        new DomainLookupByNameArgs("test")));
        rate("encode+decode DOMAIN_GET_INFO ret",
                roundTrip(RemoteProtocol.DOMAIN_GET_INFO, RemoteProtocol.DOMAIN_GET_INFO.ret(),
                        new DomainGetInfoRet(1, 8L << 20, 2L << 20, 2, 123456789L)));
        List<NonnullDomain> many = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            many.add(new NonnullDomain("domain-" + i, new byte[16], i));
        }
        rate("encode+decode CONNECT_LIST_ALL_DOMAINS ret, 2,001 domains",
                roundTrip(RemoteProtocol.CONNECT_LIST_ALL_DOMAINS, RemoteProtocol.CONNECT_LIST_ALL_DOMAINS.ret(),
                        new ConnectListAllDomainsRet(many, 2001)));

        Path dir = Files.createTempDirectory("jvirt-rpc-bench");
        Path sock = dir.resolve("sock");
        ServerProgram prog = new ServerProgram(RemoteProtocol.PROGRAM)
                .on(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, (c, a) -> new DomainLookupByNameRet(dom))
                .on(RemoteProtocol.DOMAIN_GET_INFO, (c, a) -> new DomainGetInfoRet(1, 1, 1, 1, 1));
        try (RpcServer server = new RpcServer(ServerConfig.defaults()).addProgram(prog)) {
            server.listen(Transports.listenUnix(sock));
            try (RpcClient client = RpcClient.open("bench", Transports.connectUnix(sock))) {
                rate("calls over a unix socket, one client (lookup + getInfo = 2)", () -> {
                    NonnullDomain d = client.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME,
                            new DomainLookupByNameArgs("test")).dom();
                    client.call(RemoteProtocol.DOMAIN_GET_INFO, new DomainGetInfoArgs(d));
                });
            }
        } finally {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }
}
