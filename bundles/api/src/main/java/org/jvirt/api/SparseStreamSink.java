package org.jvirt.api;

import java.io.IOException;

/**
 * A data sink that can take holes, for {@link Stream#sparseRecvAll} (virStreamSinkFunc with
 * virStreamSinkHoleFunc).
 */
public interface SparseStreamSink extends StreamSink {
    /** Writes (or seeks over) a hole of {@code length} bytes. */
    void hole(long length) throws IOException;
}
