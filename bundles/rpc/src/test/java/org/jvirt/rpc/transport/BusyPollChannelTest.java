package org.jvirt.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A polled socket behaves as a blocking one: every byte in order, writes that wait, close and end of file. */
class BusyPollChannelTest {
    private ServerSocketChannel listener;
    private SocketChannel peer;
    private SocketChannel accepted;

    @BeforeEach
    void connect() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer = SocketChannel.open(listener.getLocalAddress());
        accepted = listener.accept();
    }

    @AfterEach
    void close() throws IOException {
        peer.close();
        accepted.close();
        listener.close();
    }

    @Test
    void noWindowMeansThePlainSocket() throws IOException {
        assertThat(BusyPollChannel.of(accepted, 0)).isSameAs(accepted);
        assertThat(accepted.isBlocking()).isTrue();
    }

    @Test
    void messagesGoBothWaysInOrderWhetherTheyComeQuicklyOrSlowly() throws Exception {
        ByteChannel polled = BusyPollChannel.of(accepted, 200);
        assertThat(polled).isInstanceOf(BusyPollChannel.class);
        for (int i = 0; i < 200; i++) {
            if (i % 50 == 49) {
                Thread.sleep(20); // past the window: the reader sleeps in its selector and must wake for the data
            }
            peer.write(ByteBuffer.wrap(("call " + i).getBytes()));
            ByteBuffer in = ByteBuffer.allocate(64);
            int n = polled.read(in);
            assertThat(new String(in.array(), 0, n)).isEqualTo("call " + i);
            polled.write(ByteBuffer.wrap(("reply " + i).getBytes()));
            ByteBuffer out = ByteBuffer.allocate(64);
            int m = peer.read(out);
            assertThat(new String(out.array(), 0, m)).isEqualTo("reply " + i);
        }
    }

    @Test
    void aWriteLargerThanTheSocketBuffersWaitsForTheReader() throws Exception {
        ByteChannel polled = BusyPollChannel.of(accepted, 200);
        byte[] data = new byte[16 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 13));
        }
        AtomicReference<Object> written = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                written.set(polled.write(ByteBuffer.wrap(data)));
            } catch (IOException e) {
                written.set(e);
            }
        }, "busy-poll-test-writer");
        writer.start();
        Thread.sleep(200); // the writer fills the buffers and has to wait
        byte[] got = new byte[data.length];
        ByteBuffer in = ByteBuffer.wrap(got);
        while (in.hasRemaining()) {
            assertThat(peer.read(in)).isPositive();
        }
        writer.join(30_000);
        assertThat(written.get()).isEqualTo(data.length);
        assertThat(got).isEqualTo(data);
    }

    @Test
    void closingWakesAReaderWaitingForData() throws Exception {
        ByteChannel polled = BusyPollChannel.of(accepted, 200);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                result.set(polled.read(ByteBuffer.allocate(16)));
            } catch (IOException e) {
                result.set(e);
            }
        }, "busy-poll-test-reader");
        reader.start();
        Thread.sleep(100); // past the window: asleep in the selector
        polled.close();
        reader.join(10_000);
        assertThat(reader.isAlive()).as("reader still blocked after close").isFalse();
        assertThat(result.get()).isInstanceOf(ClosedChannelException.class);
        assertThat(polled.isOpen()).isFalse();
        // the peer sees the end of the connection
        assertThat(peer.read(ByteBuffer.allocate(16))).isEqualTo(-1);
        assertThatThrownBy(() -> polled.write(ByteBuffer.wrap(new byte[1]))).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void thePeerClosingIsTheEndOfFile() throws Exception {
        ByteChannel polled = BusyPollChannel.of(accepted, 200);
        peer.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        peer.close();
        ByteBuffer in = ByteBuffer.allocate(16);
        assertThat(polled.read(in)).isEqualTo(3);
        assertThat(polled.read(in)).isEqualTo(-1);
    }
}
