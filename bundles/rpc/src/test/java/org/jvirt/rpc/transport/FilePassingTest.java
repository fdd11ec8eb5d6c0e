package org.jvirt.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.PacketReader;
import org.jvirt.rpc.PacketWriter;
import org.jvirt.rpc.internal.NativeDescriptors;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.DomainCreateXmlWithFilesArgs;
import org.jvirt.rpc.xdr.Xdr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open files across a real unix socket: a descriptor sent arrives and reads the same file. */
class FilePassingTest {
    @TempDir
    Path tmp;

    private ServerSocketChannel listener;
    private SocketChannel near;
    private SocketChannel far;

    @BeforeEach
    void connect() throws IOException {
        assertThat(FilePassing.unavailableReason()).as("file passing in this JVM").isNull();
        listener = Transports.listenUnix(tmp.resolve("sock"));
        near = Transports.connectUnix(tmp.resolve("sock"));
        far = listener.accept();
    }

    @AfterEach
    void close() throws IOException {
        near.close();
        far.close();
        listener.close();
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static String read(FileDescriptor fd) throws IOException {
        // not closed here: the descriptor is the receiver's to close
        return new String(new FileInputStream(fd).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aDescriptorSentArrivesAndReadsTheSameFile() throws IOException {
        Path f = file("guest-input", "what the guest reads");
        try (FileInputStream in = new FileInputStream(f.toFile())) {
            int[] copies = FilePassing.duplicate(List.of(in.getFD()));
            assertThat(copies[0]).isNotEqualTo(FilePassing.number(in.getFD()));
            FilePassing.of(near).send(copies);
            FilePassing.close(copies);
            int[] got = FilePassing.of(far).receive(1, () -> true);
            try (ReceivedFiles files = new ReceivedFiles(got)) {
                assertThat(got[0]).isNotEqualTo(FilePassing.number(in.getFD()));
                assertThat(Files.readSymbolicLink(Path.of("/proc/self/fd/" + got[0]))).isEqualTo(f);
                assertThat(read(files.descriptors().get(0))).isEqualTo("what the guest reads");
            }
            // the sender's own file is untouched by all this
            assertThat(in.getFD().valid()).isTrue();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void aBadDescriptorFailsWithLibvirtsErrorBeforeAnythingIsSent() throws IOException {
        FileInputStream closed = new FileInputStream(file("x", "x").toFile());
        FileDescriptor fd = closed.getFD();
        closed.close();
        assertThatThrownBy(() -> FilePassing.duplicate(List.of(fd)))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_ERROR);
                    assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                    assertThat(e.getMessage()).isEqualTo("Cannot duplicate FD -1: Bad file descriptor");
                });
    }

    @Test
    void tcpSocketsCarryNoFiles() throws IOException {
        try (ServerSocketChannel tcp = Transports.listenTcp("127.0.0.1", 0);
                SocketChannel c = Transports.connectTcp("127.0.0.1",
                        ((java.net.InetSocketAddress) tcp.getLocalAddress()).getPort());
                SocketChannel s = tcp.accept()) {
            assertThat(FilePassing.of(c)).isNull();
            assertThat(FilePassing.of(s)).isNull();
        }
    }

    /** A CALL_WITH_FDS message, its descriptor beside a byte, then a plain call, all waiting on the socket. */
    private void sendCallWithFileThenAnother(FileDescriptor file) throws IOException {
        PacketWriter w = new PacketWriter();
        Header h = new Header(RemoteProtocol.PROGRAM_NUMBER, RemoteProtocol.PROGRAM_VERSION,
                RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES.number(), MessageType.CALL_WITH_FDS, 1, MessageStatus.OK);
        ByteBuffer m = w.encodeWithFds(h, 1, DomainCreateXmlWithFilesArgs.XDR,
                new DomainCreateXmlWithFilesArgs("<domain/>", 0));
        while (m.hasRemaining()) {
            near.write(m);
        }
        int[] copies = FilePassing.duplicate(List.of(file));
        FilePassing.of(near).send(copies);
        FilePassing.close(copies);
        ByteBuffer next = w.encode(h.with(MessageType.CALL, MessageStatus.OK), Xdr.VOID, null);
        while (next.hasRemaining()) {
            near.write(next);
        }
    }

    @Test
    void aReaderThatStopsAtDescriptorsKeepsThem() throws IOException {
        Path f = file("kept", "kept");
        try (FileInputStream in = new FileInputStream(f.toFile())) {
            sendCallWithFileThenAnother(in.getFD());
            PacketReader reader = new PacketReader();
            reader.stopAtDescriptors();
            Packet p = reader.read(far);
            assertThat(p.header().type()).isEqualTo(MessageType.CALL_WITH_FDS);
            assertThat(p.fdCount()).isEqualTo(1);
            assertThat(p.decode(DomainCreateXmlWithFilesArgs.XDR).xmlDesc()).isEqualTo("<domain/>");
            try (ReceivedFiles files = new ReceivedFiles(FilePassing.of(far).receive(1, () -> true))) {
                assertThat(read(files.descriptors().get(0))).isEqualTo("kept");
            }
            assertThat(reader.read(far).header().type()).isEqualTo(MessageType.CALL);
        }
    }

    /** The trap itself: a greedy read takes the byte the descriptor came with, and the kernel drops the descriptor. */
    @Test
    void aGreedyReaderLosesTheDescriptor() throws IOException {
        Path f = file("lost", "lost");
        try (FileInputStream in = new FileInputStream(f.toFile())) {
            sendCallWithFileThenAnother(in.getFD());
            PacketReader reader = new PacketReader();
            assertThat(reader.read(far).fdCount()).isEqualTo(1);
            // what follows on the socket is the next call's bytes: the descriptor's byte went with the read
            int fd = FilePassing.of(far).fdForTests();
            int got;
            try {
                got = NativeDescriptors.receive(fd, () -> false);
            } catch (NativeDescriptors.SystemCallException e) {
                assertThat(e.getMessage()).isEqualTo("Permission denied");
                got = -1;
            }
            assertThat(got).as("a descriptor after a greedy read").isNegative();
        }
    }
}
