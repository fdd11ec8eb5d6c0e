package org.jvirt.jmx;

import javax.management.ConstructorParameters;

/**
 * One disk's I/O counters, as {@code virsh domblkstat} shows them (rd_req, rd_bytes, wr_req, wr_bytes, errs); -1
 * for a counter the hypervisor does not keep. A console sees it as CompositeData.
 */
public final class BlockStats {
    private final String device;
    private final long readRequests;
    private final long readBytes;
    private final long writeRequests;
    private final long writeBytes;
    private final long errors;

    @ConstructorParameters({"device", "readRequests", "readBytes", "writeRequests", "writeBytes", "errors"})
    public BlockStats(String device, long readRequests, long readBytes, long writeRequests, long writeBytes,
            long errors) {
        this.device = device;
        this.readRequests = readRequests;
        this.readBytes = readBytes;
        this.writeRequests = writeRequests;
        this.writeBytes = writeBytes;
        this.errors = errors;
    }

    /** The disk's target, e.g. vda. */
    public String getDevice() {
        return device;
    }

    public long getReadRequests() {
        return readRequests;
    }

    public long getReadBytes() {
        return readBytes;
    }

    public long getWriteRequests() {
        return writeRequests;
    }

    public long getWriteBytes() {
        return writeBytes;
    }

    public long getErrors() {
        return errors;
    }
}
