package org.jvirt.rpc.transport;

import java.io.FileDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * The open files a *_WITH_FDS message brought, in the order they were sent. They belong to the connection until
 * {@link #close()}: whoever hands them on (a driver) takes its own copies, as libvirt's daemon hands its driver
 * duplicates and closes the received ones after the call.
 */
public final class ReceivedFiles implements AutoCloseable {
    static final ReceivedFiles NONE = new ReceivedFiles(new int[0]);

    private final int[] fds;
    private List<FileDescriptor> descriptors;
    private boolean closed;

    ReceivedFiles(int[] fds) {
        this.fds = fds;
    }

    /** How many files came. */
    public int count() {
        return fds.length;
    }

    /** The files, valid until {@link #close()}. */
    public synchronized List<FileDescriptor> descriptors() {
        if (descriptors == null) {
            List<FileDescriptor> out = new ArrayList<>(fds.length);
            for (int fd : fds) {
                out.add(FilePassing.wrap(fd));
            }
            descriptors = List.copyOf(out);
        }
        return descriptors;
    }

    /** Closes the received descriptors (once); nothing to do, and no lock taken, for a call that brought none. */
    @Override
    public void close() {
        if (fds.length == 0) {
            return;
        }
        synchronized (this) {
            if (!closed) {
                closed = true;
                FilePassing.close(fds);
            }
        }
    }
}
