package org.jvirt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The stream conveniences, built on send, recv, holes, finish and abort, as libvirt's *All functions are. */
class StreamConveniencesTest {

    /** A stream that records what it is sent and yields chunks and holes it is given. */
    private static final class Recorder implements Stream {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final List<String> calls = new ArrayList<>();
        final List<Object> toReceive = new ArrayList<>();

        @Override
        public Connect getConnect() {
            return null;
        }

        @Override
        public int send(byte[] data, int off, int len) {
            int n = Math.min(len, 3);
            sent.write(data, off, n);
            return n;
        }

        @Override
        public int recv(byte[] buf, int off, int len, Set<StreamRecvFlag> flags) {
            if (toReceive.isEmpty()) {
                return 0;
            }
            Object next = toReceive.get(0);
            if (next instanceof Long) {
                return flags.contains(StreamRecvFlag.STOP_AT_HOLE) ? AT_HOLE : 0;
            }
            byte[] chunk = (byte[]) toReceive.remove(0);
            System.arraycopy(chunk, 0, buf, off, chunk.length);
            return chunk.length;
        }

        @Override
        public int recv(byte[] buf, int off, int len) {
            return recv(buf, off, len, Set.of());
        }

        @Override
        public void sendHole(long length) {
            calls.add("hole " + length);
        }

        @Override
        public long recvHole() {
            return (Long) toReceive.remove(0);
        }

        @Override
        public void finish() {
            calls.add("finish");
        }

        @Override
        public void abort() {
            calls.add("abort");
        }
    }

    @Test
    void sendAllSendsEveryByteEvenInShortWritesThenFinishes() {
        Recorder s = new Recorder();
        s.sendAll(new java.io.ByteArrayInputStream("hello world".getBytes())::read);
        assertThat(s.sent.toString()).isEqualTo("hello world");
        assertThat(s.calls).containsExactly("finish");
    }

    @Test
    void aFailingSourceAbortsTheStream() {
        Recorder s = new Recorder();
        assertThatThrownBy(() -> s.sendAll((b, o, l) -> {
            throw new IOException("disk gone");
        })).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_ERROR);
            assertThat(e.getMessage()).isEqualTo("disk gone");
        });
        assertThat(s.calls).containsExactly("abort");
    }

    @Test
    void sparseSendAllSendsHolesAsHoles() {
        Recorder s = new Recorder();
        byte[] data = "abcdef".getBytes();
        s.sparseSendAll(new SparseStreamSource() {
            int step;
            int pos;

            @Override
            public Section section() {
                return switch (step) {
                    case 0 -> new Section(true, 2);
                    case 1 -> new Section(false, 100);
                    case 2 -> new Section(true, 4);
                    default -> new Section(true, 0);
                };
            }

            @Override
            public void skip(long length) {
                step++;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                System.arraycopy(data, pos, buf, off, len);
                pos += len;
                step++;
                return len;
            }
        });
        assertThat(s.sent.toString()).isEqualTo("abcdef");
        assertThat(s.calls).containsExactly("hole 100", "finish");
    }

    @Test
    void sparseRecvAllHandsHolesToTheSink() {
        Recorder s = new Recorder();
        s.toReceive.add("ab".getBytes());
        s.toReceive.add(5L);
        s.toReceive.add("c".getBytes());
        StringBuilder got = new StringBuilder();
        s.sparseRecvAll(new SparseStreamSink() {
            @Override
            public void write(byte[] buf, int off, int len) {
                got.append(new String(buf, off, len));
            }

            @Override
            public void hole(long length) {
                got.append('[').append(length).append(']');
            }
        });
        assertThat(got).hasToString("ab[5]c");
        assertThat(s.calls).containsExactly("finish");
    }
}
