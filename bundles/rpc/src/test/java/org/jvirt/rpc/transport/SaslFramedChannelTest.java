package org.jvirt.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The security layer's framing (the daemon's and the remote driver's): frames, and what happens when it is written
 * to after the peer went. The remote driver's SaslClientTest reads and writes through it with a real exchange.
 */
class SaslFramedChannelTest {
    /** A layer that reverses bytes and refuses work once disposed, as the JDK's mechanisms do. */
    private static final class ReversingExchange implements SaslLayer {
        boolean disposed;

        @Override
        public byte[] wrap(byte[] data, int off, int len) {
            if (disposed) {
                throw new IllegalStateException("disposed");
            }
            byte[] out = new byte[len];
            for (int i = 0; i < len; i++) {
                out[i] = data[off + len - 1 - i];
            }
            return out;
        }

        @Override
        public byte[] unwrap(byte[] data, int off, int len) {
            return wrap(data, off, len);
        }

        @Override
        public int maxRawSend() {
            return 4096;
        }

        @Override
        public void dispose() {
            disposed = true;
        }
    }

    /** Collects what is written; open until closed. */
    private static final class Sink implements ByteChannel {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean open = true;

        @Override
        public int read(ByteBuffer dst) {
            return -1;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            byte[] b = new byte[n];
            src.get(b);
            written.writeBytes(b);
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    @Test
    void writesWrappedBuffersBehindTheirLength() throws IOException {
        Sink sink = new Sink();
        SaslFramedChannel ch = new SaslFramedChannel(sink, new ReversingExchange());
        ch.write(ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer out = ByteBuffer.wrap(sink.written.toByteArray());
        assertThat(out.getInt()).isEqualTo(3);
        assertThat(new String(out.array(), 4, 3, StandardCharsets.US_ASCII)).isEqualTo("cba");
    }

    @Test
    void aWriteAfterCloseIsAClosedChannelNotAnIllegalState() throws IOException {
        Sink sink = new Sink();
        ReversingExchange sasl = new ReversingExchange();
        SaslFramedChannel ch = new SaslFramedChannel(sink, sasl);
        ch.close();
        assertThat(sasl.disposed).isTrue();
        assertThatThrownBy(() -> ch.write(ByteBuffer.wrap(new byte[] {1, 2})))
                .isInstanceOf(ClosedChannelException.class);
        assertThat(sink.written.size()).isZero();
    }

    @Test
    void readsWhatItWroteOneFrameAtATimeAndPassesBytesBeforeTheLayer() throws IOException {
        Sink sink = new Sink();
        SaslFramedChannel out = new SaslFramedChannel(sink);
        out.write(ByteBuffer.wrap("plain".getBytes(StandardCharsets.US_ASCII)));
        out.secure(new ReversingExchange());
        out.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));
        byte[] bytes = sink.written.toByteArray();
        SaslFramedChannel in = new SaslFramedChannel(new Source(bytes));
        ByteBuffer first = ByteBuffer.allocate(5);
        while (first.hasRemaining()) {
            assertThat(in.read(first)).as("bytes before the layer pass as they come").isPositive();
        }
        assertThat(new String(first.array(), StandardCharsets.US_ASCII)).isEqualTo("plain");
        in.secure(new ReversingExchange());
        ByteBuffer second = ByteBuffer.allocate(16);
        assertThat(in.read(second)).isEqualTo(5);
        assertThat(new String(second.array(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(in.read(second)).isEqualTo(-1);
    }

    @Test
    void anOversizeFrameIsRefused() {
        ByteBuffer frame = ByteBuffer.allocate(8).putInt(1 << 20).putInt(0);
        SaslFramedChannel in = new SaslFramedChannel(new Source(frame.array()), new ReversingExchange());
        assertThatThrownBy(() -> in.read(ByteBuffer.allocate(16))).isInstanceOf(IOException.class)
                .hasMessageContaining("SASL buffer of 1048576 bytes refused");
    }

    /** Gives {@code bytes} a few at a time, then the end. */
    private static final class Source implements ByteChannel {
        private final ByteBuffer data;

        Source(byte[] bytes) {
            data = ByteBuffer.wrap(bytes);
        }

        @Override
        public int read(ByteBuffer dst) {
            if (!data.hasRemaining()) {
                return -1;
            }
            int n = Math.min(3, Math.min(dst.remaining(), data.remaining()));
            dst.put(data.slice().limit(n));
            data.position(data.position() + n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
