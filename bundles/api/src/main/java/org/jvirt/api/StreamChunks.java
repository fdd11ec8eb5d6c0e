package org.jvirt.api;

/** What the stream conveniences share: the chunk size, sending a chunk whole, aborting on failure. */
final class StreamChunks {
    /** The chunk the conveniences move at a time: 64 KiB, well under what one stream packet may carry. */
    static final int SIZE = 64 * 1024;

    private StreamChunks() {
    }

    static void sendFully(Stream stream, byte[] buf, int n) {
        int off = 0;
        while (off < n) {
            int sent = stream.send(buf, off, n - off);
            if (sent < 0) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS,
                        "data sources cannot be used for non-blocking streams");
            }
            off += sent;
        }
    }

    /** Aborts the stream (a failure to abort is secondary) and turns {@code cause} into a VirtException. */
    static VirtException abortWith(Stream stream, Exception cause) {
        try {
            stream.abort();
        } catch (RuntimeException secondary) {
            cause.addSuppressed(secondary);
        }
        if (cause instanceof VirtException v) {
            return v;
        }
        String what = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STREAMS, what, cause);
    }
}
