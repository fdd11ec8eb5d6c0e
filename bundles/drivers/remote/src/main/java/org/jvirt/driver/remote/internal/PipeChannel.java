package org.jvirt.driver.remote.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A byte channel over an input and an output stream: a TLS socket's, or a child process's (ssh, ext). Closing it
 * runs {@code onClose} (close the socket, end the process) once.
 */
final class PipeChannel implements ByteChannel {
    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final OutputStream stream;
    private final Runnable onClose;
    private volatile boolean open = true;

    PipeChannel(InputStream in, OutputStream out, Runnable onClose) {
        this.in = Channels.newChannel(in);
        this.out = Channels.newChannel(out);
        this.stream = out;
        this.onClose = onClose;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return in.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = out.write(src);
        // a process's stdin is buffered: each message must leave at once
        stream.flush();
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        try {
            onClose.run();
        } finally {
            in.close();
            out.close();
        }
    }
}
