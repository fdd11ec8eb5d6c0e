package org.jvirt.api;

import java.io.IOException;

/**
 * Where {@link Stream#recvAll} writes the data it receives (virStreamSinkFunc). Shaped as
 * {@link java.io.OutputStream#write(byte[], int, int)}, so {@code out::write} is one.
 */
@FunctionalInterface
public interface StreamSink {
    void write(byte[] buf, int off, int len) throws IOException;
}
