package org.jvirt.driver.test;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.StreamChannel;

/** A stream's data source of fixed bytes, as libvirt's file stream opened read-only: writing to it fails. */
final class ReadOnlyChannel implements StreamChannel {
    private final byte[] data;
    private int pos;

    ReadOnlyChannel(byte[] data) {
        this.data = data;
    }

    @Override
    public synchronized int send(byte[] buf, int off, int len) {
        throw VirtException.withMessage(ErrorCode.SYSTEM_ERROR, ErrorDomain.STREAMS,
                "cannot write to stream: Bad file descriptor");
    }

    @Override
    public synchronized int recv(byte[] buf, int off, int len, boolean stopAtHole) {
        int n = Math.min(len, data.length - pos);
        System.arraycopy(data, pos, buf, off, n);
        pos += n;
        return n;
    }

    @Override
    public void finish() {
    }

    @Override
    public void abort() {
    }
}
