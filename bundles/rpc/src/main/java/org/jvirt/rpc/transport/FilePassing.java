package org.jvirt.rpc.transport;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.NativeDescriptors;
import org.jvirt.rpc.internal.NativeDescriptors.SystemCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open files carried across a unix socket as libvirt's peers carry them: after a *_WITH_FDS message's bytes, each
 * descriptor goes in its own sendmsg beside one byte, as SCM_RIGHTS ancillary data.
 *
 * <p>Java's channels cannot send ancillary data, so the C library's sendmsg and recvmsg are called through JNA on
 * the socket channel's own descriptor. That descriptor, and a {@link FileDescriptor}'s number, are read with
 * {@code sun.nio.ch} (the channel's {@code getFDVal}, {@code IOUtil.fdVal} and {@code IOUtil.newFD}), which the JVM
 * must export to unnamed modules: {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (bin/jvirt and the tests
 * pass it). Reaching into the channel keeps every ordinary read and write on NIO; a socket made and driven by JNA
 * would have moved the whole transport off it. Where any piece is missing (no JNA, no native library, not Linux,
 * the flag not given) {@link #available()} is false, says why, and calls with files fail with libvirt's error.
 */
public final class FilePassing {
    private static final Logger LOG = LoggerFactory.getLogger(FilePassing.class);
    /** Probed on first use: a platform whose clients never pass files never loads JNA. */
    private static final class Probe {
        static final Access ACCESS = Access.probe();
    }

    private final SocketChannel socket;
    private final int fd;

    private FilePassing(SocketChannel socket, int fd) {
        this.socket = socket;
        this.fd = fd;
    }

    /** Whether files can be passed on unix sockets in this JVM. */
    public static boolean available() {
        return Probe.ACCESS.reason == null;
    }

    /** Why files cannot be passed here, or {@code null} when they can. */
    public static String unavailableReason() {
        return Probe.ACCESS.reason;
    }

    /**
     * File passing on {@code socket}, or {@code null} when it is not a unix socket (libvirt passes files on those
     * only) or passing is not available in this JVM.
     */
    public static FilePassing of(SocketChannel socket) {
        try {
            if (!(socket.getLocalAddress() instanceof UnixDomainSocketAddress)) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        if (Probe.ACCESS.reason != null) {
            LOG.debug("no file passing on {}: {}", socket, Probe.ACCESS.reason);
            return null;
        }
        return new FilePassing(socket, Probe.ACCESS.socketFd(socket));
    }

    /** The socket's descriptor number. */
    int fdForTests() {
        return fd;
    }

    /** libvirt's error for a connection that cannot carry files out. */
    static VirtException cannotSend() {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "Sending file descriptors is not supported on this socket");
    }

    /** libvirt's error for a connection that cannot take files in. */
    static VirtException cannotReceive() {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "Receiving file descriptors is not supported on this socket");
    }

    /**
     * New descriptors on the callers' files, as libvirt's client takes its own copies before a call (the caller
     * may close its files at once); a bad one fails with libvirt's error and leaves no copy behind.
     */
    public static int[] duplicate(List<FileDescriptor> files) {
        if (Probe.ACCESS.reason != null) {
            LOG.warn("files cannot be passed: {}", Probe.ACCESS.reason);
            throw cannotSend();
        }
        int[] copies = new int[files.size()];
        int done = 0;
        try {
            for (; done < copies.length; done++) {
                int n = Probe.ACCESS.fdVal(files.get(done));
                try {
                    copies[done] = NativeDescriptors.dup(n);
                } catch (SystemCallException e) {
                    throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                            "Cannot duplicate FD " + n + ": " + e.getMessage());
                }
            }
            return copies;
        } catch (RuntimeException e) {
            for (int i = 0; i < done; i++) {
                NativeDescriptors.close(copies[i]);
            }
            throw e;
        }
    }

    /** Closes descriptors this side owns (copies sent, files received). */
    public static void close(int[] fds) {
        for (int f : fds) {
            if (f >= 0) {
                NativeDescriptors.close(f);
            }
        }
    }

    /** A {@link FileDescriptor} for a descriptor number this process owns (a file received). */
    public static FileDescriptor wrap(int fd) {
        return Probe.ACCESS.newFd(fd);
    }

    /** The descriptor number behind {@code file} (-1 once closed). */
    public static int number(FileDescriptor file) {
        return Probe.ACCESS.fdVal(file);
    }

    /** Sends each descriptor beside one byte; the message announcing them has been written. */
    void send(int[] fds) {
        for (int f : fds) {
            try {
                if (!NativeDescriptors.send(fd, f, socket::isOpen)) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "client socket is closed");
                }
            } catch (SystemCallException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                        "Failed to send file descriptor " + f + ": " + e.getMessage());
            }
        }
    }

    /** Receives {@code count} descriptors, one beside each byte that follows the message announcing them. */
    int[] receive(int count, BooleanSupplier open) {
        int[] fds = new int[count];
        java.util.Arrays.fill(fds, -1);
        try {
            for (int i = 0; i < count; i++) {
                int got;
                try {
                    got = NativeDescriptors.receive(fd, () -> open.getAsBoolean() && socket.isOpen());
                } catch (SystemCallException e) {
                    throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                            "Failed to recv file descriptor: " + e.getMessage());
                }
                if (got < 0) {
                    throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                            "End of file while reading data: Input/output error");
                }
                fds[i] = got;
            }
            return fds;
        } catch (RuntimeException e) {
            close(fds);
            throw e;
        }
    }

    /** The JVM internals reached once, or why they cannot be. */
    private static final class Access {
        private final String reason;
        private final MethodHandle socketFdVal;
        private final MethodHandle fdVal;
        private final MethodHandle newFd;

        private Access(String reason, MethodHandle socketFdVal, MethodHandle fdVal, MethodHandle newFd) {
            this.reason = reason;
            this.socketFdVal = socketFdVal;
            this.fdVal = fdVal;
            this.newFd = newFd;
        }

        static Access probe() {
            MethodHandle socketFdVal;
            MethodHandle fdVal;
            MethodHandle newFd;
            try {
                // the bootstrap loader finds java.base's classes whatever this bundle imports
                Class<?> selCh = Class.forName("sun.nio.ch.SelChImpl", false, null);
                Class<?> ioUtil = Class.forName("sun.nio.ch.IOUtil", true, null);
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                socketFdVal = lookup.findVirtual(selCh, "getFDVal", MethodType.methodType(int.class));
                fdVal = lookup.findStatic(ioUtil, "fdVal", MethodType.methodType(int.class, FileDescriptor.class));
                newFd = lookup.findStatic(ioUtil, "newFD", MethodType.methodType(FileDescriptor.class, int.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return failed("the JVM does not let jvirt read socket descriptors (start it with --add-exports "
                        + "java.base/sun.nio.ch=ALL-UNNAMED): " + e);
            }
            try {
                NativeDescriptors.check();
            } catch (LinkageError | RuntimeException e) {
                return failed("JNA or its native library is not usable here: " + e);
            }
            return new Access(null, socketFdVal, fdVal, newFd);
        }

        private static Access failed(String reason) {
            LoggerFactory.getLogger(FilePassing.class).debug("file passing unavailable: {}", reason);
            return new Access(reason, null, null, null);
        }

        int socketFd(SocketChannel socket) {
            try {
                return (int) socketFdVal.invoke(socket);
            } catch (Throwable e) {
                throw new IllegalStateException("socket descriptor of " + socket, e);
            }
        }

        int fdVal(FileDescriptor file) {
            try {
                return (int) fdVal.invokeExact(file);
            } catch (Throwable e) {
                throw new IllegalStateException("descriptor number", e);
            }
        }

        FileDescriptor newFd(int fd) {
            try {
                return (FileDescriptor) newFd.invokeExact(fd);
            } catch (Throwable e) {
                throw new IllegalStateException("descriptor " + fd, e);
            }
        }
    }
}
