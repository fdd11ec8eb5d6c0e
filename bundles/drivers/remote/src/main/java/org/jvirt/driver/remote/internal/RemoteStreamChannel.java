package org.jvirt.driver.remote.internal;

import java.nio.ByteBuffer;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.StreamChannel;
import org.jvirt.rpc.StreamDirection;
import org.jvirt.rpc.transport.RpcStream;
import org.jvirt.rpc.transport.StreamEvent;

/**
 * A platform stream's data path over a call's RPC stream (volume upload and download, consoles, screenshots):
 * chunks become STREAM packets and back; the end of an upload waits for the server's confirmation.
 */
final class RemoteStreamChannel implements StreamChannel {
    private final RpcStream stream;
    private final StreamDirection direction;
    private ByteBuffer pending;
    private long hole = -1;
    private boolean ended;

    RemoteStreamChannel(RpcStream stream, StreamDirection direction) {
        this.stream = stream;
        this.direction = direction;
    }

    @Override
    public int send(byte[] data, int off, int len) {
        stream.send(ByteBuffer.wrap(data, off, len));
        return len;
    }

    @Override
    public void sendHole(long length) {
        stream.sendHole(length);
    }

    @Override
    public synchronized int recv(byte[] buf, int off, int len, boolean stopAtHole) {
        while (true) {
            if (pending != null && pending.hasRemaining()) {
                int n = Math.min(len, pending.remaining());
                pending.get(buf, off, n);
                return n;
            }
            if (hole > 0) {
                if (stopAtHole) {
                    return Stream.AT_HOLE;
                }
                int n = (int) Math.min(len, hole);
                java.util.Arrays.fill(buf, off, off + n, (byte) 0);
                hole -= n;
                return n;
            }
            if (ended) {
                return 0;
            }
            StreamEvent e = next();
            if (e instanceof StreamEvent.Data d) {
                pending = d.bytes();
            } else if (e instanceof StreamEvent.Hole h) {
                hole = h.length();
            } else if (e instanceof StreamEvent.End) {
                ended = true;
            } else if (e instanceof StreamEvent.Aborted a) {
                ended = true;
                throw a.error();
            }
        }
    }

    @Override
    public synchronized long recvHole() {
        long h = Math.max(hole, 0);
        hole = -1;
        return h;
    }

    private StreamEvent next() {
        try {
            return stream.receive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STREAMS, "interrupted");
        }
    }

    @Override
    public void finish() {
        stream.finish();
        if (direction == StreamDirection.WRITE) {
            // the server confirms the end of an upload (or reports why it failed)
            try {
                StreamEvent e = stream.receive(RemoteSession.silenceLimit());
                if (e instanceof StreamEvent.Aborted a) {
                    throw a.error();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void abort() {
        stream.abort(null);
    }
}
