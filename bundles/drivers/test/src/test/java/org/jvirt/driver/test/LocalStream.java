package org.jvirt.driver.test;

import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.Stream;
import org.jvirt.api.driver.AttachableStream;
import org.jvirt.api.driver.StreamChannel;

/**
 * A stream as the platform makes them, for tests that call the driver without the platform: it holds the channel a
 * call attaches and passes reads, the end and aborts to it.
 */
final class LocalStream implements Stream, AttachableStream {
    private final Connect conn;
    private StreamChannel channel;

    LocalStream(Connect conn) {
        this.conn = conn;
    }

    @Override
    public Connect getConnect() {
        return conn;
    }

    @Override
    public Set<org.jvirt.api.StreamFlag> flags() {
        return Set.of();
    }

    @Override
    public synchronized void attach(StreamChannel c) {
        if (channel != null) {
            throw new IllegalStateException("a channel is attached already");
        }
        channel = c;
    }

    synchronized StreamChannel channel() {
        return channel;
    }

    @Override
    public int recv(byte[] buf, int off, int len) {
        return channel().recv(buf, off, len, false);
    }

    @Override
    public int send(byte[] data, int off, int len) {
        return channel().send(data, off, len);
    }

    @Override
    public void finish() {
        channel().finish();
    }

    @Override
    public void abort() {
        StreamChannel c = channel();
        if (c != null) {
            c.abort();
        }
    }
}
