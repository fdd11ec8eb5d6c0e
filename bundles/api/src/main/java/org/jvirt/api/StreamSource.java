package org.jvirt.api;

import java.io.IOException;

/**
 * Where {@link Stream#sendAll} reads the data it sends (virStreamSourceFunc). Shaped as
 * {@link java.io.InputStream#read(byte[], int, int)}, so {@code in::read} is one.
 */
@FunctionalInterface
public interface StreamSource {
    /** Reads up to {@code len} bytes into {@code buf} at {@code off}; returns how many, or -1 at the end. */
    int read(byte[] buf, int off, int len) throws IOException;
}
