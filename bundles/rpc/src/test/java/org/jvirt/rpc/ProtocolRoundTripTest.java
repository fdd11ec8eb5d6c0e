package org.jvirt.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jvirt.rpc.qemu.QemuProtocol;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.xdr.XdrType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every message of every program, encoded into a whole packet and read back: random values of each procedure's
 * arguments (or event body) and result, several times, with every optional field both present and absent.
 */
class ProtocolRoundTripTest {
    private static final int ROUNDS = 8;

    static Stream<Procedure<?, ?>> allProcedures() {
        return Stream.of(RemoteProtocol.PROGRAM, QemuProtocol.PROGRAM, KeepaliveProtocol.KEEPALIVE)
                .flatMap(p -> p.procedures().stream());
    }

    @Test
    void programsHaveLibvirt90sProcedures() {
        assertThat(RemoteProtocol.PROGRAM.number()).isEqualTo(0x20008086);
        assertThat(RemoteProtocol.PROGRAM.procedures()).hasSize(443);
        assertThat(RemoteProtocol.PROGRAM.procedure(443).name()).isEqualTo("DOMAIN_FD_ASSOCIATE");
        assertThat(RemoteProtocol.PROGRAM.procedure(444)).isNull();
        assertThat(QemuProtocol.PROGRAM.number()).isEqualTo(0x20008087);
        assertThat(QemuProtocol.PROGRAM.procedures()).extracting(Procedure::name).containsExactly(
                "DOMAIN_MONITOR_COMMAND", "DOMAIN_ATTACH", "DOMAIN_AGENT_COMMAND",
                "CONNECT_DOMAIN_MONITOR_EVENT_REGISTER", "CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER",
                "DOMAIN_MONITOR_EVENT", "DOMAIN_MONITOR_COMMAND_WITH_FILES");
        assertThat(KeepaliveProtocol.KEEPALIVE.number()).isEqualTo(0x6b656570);
        // annotations that matter to the daemon
        assertThat(RemoteProtocol.STORAGE_VOL_UPLOAD.stream()).isEqualTo(StreamDirection.WRITE);
        assertThat(RemoteProtocol.STORAGE_VOL_DOWNLOAD.stream()).isEqualTo(StreamDirection.READ);
        assertThat(RemoteProtocol.DOMAIN_OPEN_CONSOLE.stream()).isEqualTo(StreamDirection.READ);
        assertThat(RemoteProtocol.DOMAIN_OPEN_CONSOLE.streamArg()).isEqualTo(2);
        assertThat(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME.priority()).isEqualTo(Priority.HIGH);
        assertThat(RemoteProtocol.DOMAIN_CREATE.priority()).isEqualTo(Priority.LOW);
        assertThat(RemoteProtocol.DOMAIN_EVENT_CALLBACK_LIFECYCLE.event()).isTrue();
        assertThat(QemuProtocol.DOMAIN_MONITOR_EVENT.event()).isTrue();
        // events are the procedures with a *_msg body: every *_EVENT_* one but the (de)registrations
        assertThat(RemoteProtocol.PROGRAM.procedures()).filteredOn(Procedure::event)
                .allSatisfy(p -> assertThat(p.args().javaType().getSimpleName()).endsWith("Msg"))
                .extracting(Procedure::name)
                .containsExactlyInAnyOrderElementsOf(RemoteProtocol.PROGRAM.procedures().stream()
                        .map(Procedure::name).filter(n -> n.contains("EVENT_") && !n.contains("REGISTER"))
                        .toList());
    }

    @TestFactory
    Stream<DynamicTest> everyMessageRoundTrips() {
        return allProcedures().map(p -> DynamicTest.dynamicTest(p.name() + "(" + p.number() + ")", () -> {
            RandomValues random = new RandomValues(p.number() * 31L + p.program());
            for (int i = 0; i < ROUNDS; i++) {
                roundTrip(p, p.event() ? MessageType.MESSAGE : MessageType.CALL, p.args(), random.of(p.args()));
                if (!p.event()) {
                    roundTrip(p, MessageType.REPLY, p.ret(), random.of(p.ret()));
                }
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static <T> void roundTrip(Procedure<?, ?> p, MessageType type, XdrType<T> xdr, Object value) {
        Header h = new Header(p.program(), p.version(), p.number(), type, 7, MessageStatus.OK);
        ByteBuffer wire = new PacketWriter().encode(h, xdr, (T) value);
        assertThat(wire.getInt(0)).as("length word").isEqualTo(wire.remaining());
        assertThat(wire.remaining() % 4).isZero();
        Packet back = Packet.parse(wire.duplicate().position(4));
        assertThat(back.header()).isEqualTo(h);
        T decoded = back.decode(xdr);
        if (value == null) {
            assertThat(decoded).isNull();
        } else {
            assertThat(decoded).usingRecursiveComparison().isEqualTo(value);
        }
    }

    @Test
    void errorsRoundTrip() {
        List<NetError> errors = new ArrayList<>();
        errors.add(new NetError(42, 12, "Domain not found", 2, null, "Domain not found", null, null, -1, -1, null));
        errors.add(new NetError(1, 7, null, 2, new NetError.ErrorDomainRef("vm", new byte[16], 3), "a", "b", "c",
                4, 5, new NetError.ErrorNetworkRef("net", new byte[16])));
        for (NetError e : errors) {
            Header h = new Header(RemoteProtocol.PROGRAM_NUMBER, 1, 23, MessageType.REPLY, 9, MessageStatus.ERROR);
            ByteBuffer wire = new PacketWriter().encode(h, NetError.XDR, e);
            assertThat(Packet.parse(wire.position(4)).error()).usingRecursiveComparison().isEqualTo(e);
        }
    }
}
