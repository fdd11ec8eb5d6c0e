package org.jvirt.api;

import java.io.IOException;

/**
 * A data source that knows where its holes are, for {@link Stream#sparseSendAll} (virStreamSourceFunc with
 * virStreamSourceHoleFunc and virStreamSourceSkipFunc): data sections are read, holes are skipped and sent as
 * their length only.
 */
public interface SparseStreamSource extends StreamSource {
    /** A stretch of the source from the current position: data, or a hole, and how long it is (0 at the end). */
    record Section(boolean data, long length) {
    }

    /** What lies at the current position. */
    Section section() throws IOException;

    /** Moves past {@code length} bytes of a hole. */
    void skip(long length) throws IOException;
}
