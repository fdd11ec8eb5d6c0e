package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The security layer's channel: frames, and what happens when it is written to after the client went. */
class SaslChannelTest {
    /** An exchange whose layer reverses bytes and refuses work once disposed, as the JDK's mechanisms do. */
    private static final class ReversingExchange implements SaslExchange {
        boolean disposed;

        @Override
        public byte[] evaluate(byte[] response) {
            return null;
        }

        @Override
        public boolean isComplete() {
            return true;
        }

        @Override
        public String user() {
            return "u";
        }

        @Override
        public int ssf() {
            return 56;
        }

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
        SaslChannel ch = new SaslChannel(sink, new ReversingExchange());
        ch.write(ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer out = ByteBuffer.wrap(sink.written.toByteArray());
        assertThat(out.getInt()).isEqualTo(3);
        assertThat(new String(out.array(), 4, 3, StandardCharsets.US_ASCII)).isEqualTo("cba");
    }

    @Test
    void aWriteAfterCloseIsAClosedChannelNotAnIllegalState() throws IOException {
        Sink sink = new Sink();
        ReversingExchange sasl = new ReversingExchange();
        SaslChannel ch = new SaslChannel(sink, sasl);
        ch.close();
        assertThat(sasl.disposed).isTrue();
        assertThatThrownBy(() -> ch.write(ByteBuffer.wrap(new byte[] {1, 2})))
                .isInstanceOf(ClosedChannelException.class);
        assertThat(sink.written.size()).isZero();
    }
}
