package org.jvirt.rpc.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The C library calls that move an open file across a unix socket (sendmsg/recvmsg with an SCM_RIGHTS control
 * message, one descriptor beside one byte, as libvirt's peers send them), and dup, close and poll around them.
 * Linux only: the structures are laid out as Linux lays them out, for 32- and 64-bit alike. Loading this class
 * fails (an Error) when JNA or its native library is missing; {@code FilePassing} catches that once.
 */
public final class NativeDescriptors {
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int EACCES = 13;
    private static final short POLLIN = 0x1;
    private static final short POLLOUT = 0x4;
    /** How long one poll waits before the caller checks that its socket is still open. */
    private static final int POLL_SLICE_MILLIS = 200;

    private static final int P = Native.POINTER_SIZE;
    private static final int L = NativeLong.SIZE;
    /** struct msghdr: name, namelen (padded), iov, iovlen, control, controllen, flags (padded). */
    private static final int MSGHDR_SIZE = 7 * P;
    private static final int MSG_IOV = 2 * P;
    private static final int MSG_IOVLEN = 3 * P;
    private static final int MSG_CONTROL = 3 * P + L;
    private static final int MSG_CONTROLLEN = 4 * P + L;
    private static final int MSG_FLAGS = 4 * P + 2 * L;
    /** struct cmsghdr: len (size_t), level, type; the data starts aligned to size_t. */
    private static final int CMSG_HDR = align(L + 8);
    private static final int CMSG_LEN_ONE = CMSG_HDR + 4;
    /** Room for a few descriptors: a peer sending more than one beside a byte gets the extra ones closed. */
    private static final int CONTROL_ROOM = CMSG_HDR + align(4 * 8);

    /** The calls, bound by name; each failure carries errno. */
    interface LibC extends Library {
        int dup(int fd) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        NativeLong sendmsg(int socket, Pointer msg, int flags) throws LastErrorException;

        NativeLong recvmsg(int socket, Pointer msg, int flags) throws LastErrorException;

        int poll(Pointer fds, NativeLong nfds, int timeout) throws LastErrorException;

        String strerror(int errnum);
    }

    private static final LibC C;

    static {
        if (!Platform.isLinux()) {
            throw new UnsupportedOperationException("passing descriptors is implemented for Linux only");
        }
        C = Native.load("c", LibC.class);
    }

    private NativeDescriptors() {
    }

    /** Forces loading (and so the check that JNA works here). */
    public static void check() {
        C.strerror(EINTR);
    }

    /** A failed system call: errno and its text. */
    public static final class SystemCallException extends Exception {
        private final int errno;

        SystemCallException(int errno) {
            super(C.strerror(errno));
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    /** dup(2): a new descriptor on the same open file. */
    public static int dup(int fd) throws SystemCallException {
        try {
            return C.dup(fd);
        } catch (LastErrorException e) {
            throw new SystemCallException(e.getErrorCode());
        }
    }

    /** close(2), ignoring a failure: the descriptor is gone either way. */
    public static void close(int fd) {
        try {
            C.close(fd);
        } catch (LastErrorException e) {
            // EBADF or EINTR: nothing left to release
        }
    }

    /** Waits while {@code open} holds, in slices, for {@code socket} to be readable (or writable). */
    private static boolean await(int socket, boolean write, java.util.function.BooleanSupplier open)
            throws SystemCallException {
        try (Memory pfd = new Memory(8)) {
            while (open.getAsBoolean()) {
                pfd.setInt(0, socket);
                pfd.setShort(4, write ? POLLOUT : POLLIN);
                pfd.setShort(6, (short) 0);
                try {
                    if (C.poll(pfd, new NativeLong(1), POLL_SLICE_MILLIS) > 0) {
                        return true;
                    }
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EINTR) {
                        throw new SystemCallException(e.getErrorCode());
                    }
                }
            }
            return false;
        }
    }

    /**
     * Sends {@code fd} beside one byte (the peer reads that byte to take the descriptor). Waits while the socket's
     * buffer is full; returns false when {@code open} stopped holding first.
     */
    public static boolean send(int socket, int fd, java.util.function.BooleanSupplier open)
            throws SystemCallException {
        try (Memory msg = new Memory(MSGHDR_SIZE); Memory iov = new Memory(2L * P); Memory data = new Memory(1);
                Memory control = new Memory(align(CMSG_LEN_ONE))) {
            msg.clear();
            control.clear();
            data.setByte(0, (byte) 0);
            iov.setPointer(0, data);
            setSize(iov, P, 1);
            setSize(control, 0, CMSG_LEN_ONE);
            control.setInt(L, SOL_SOCKET);
            control.setInt(L + 4, SCM_RIGHTS);
            control.setInt(CMSG_HDR, fd);
            msg.setPointer(MSG_IOV, iov);
            setSize(msg, MSG_IOVLEN, 1);
            msg.setPointer(MSG_CONTROL, control);
            setSize(msg, MSG_CONTROLLEN, align(CMSG_LEN_ONE));
            while (true) {
                try {
                    if (C.sendmsg(socket, msg, MSG_DONTWAIT | MSG_NOSIGNAL).longValue() == 1) {
                        return true;
                    }
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EAGAIN && e.getErrorCode() != EINTR) {
                        throw new SystemCallException(e.getErrorCode());
                    }
                }
                if (!await(socket, true, open)) {
                    return false;
                }
            }
        }
    }

    /**
     * Receives one descriptor and the byte it came with; -1 when {@code open} stopped holding first or the peer
     * closed. A byte that came without a descriptor fails as libvirt's receiver does (EACCES).
     */
    public static int receive(int socket, java.util.function.BooleanSupplier open) throws SystemCallException {
        try (Memory msg = new Memory(MSGHDR_SIZE); Memory iov = new Memory(2L * P); Memory data = new Memory(1);
                Memory control = new Memory(CONTROL_ROOM)) {
            while (true) {
                msg.clear();
                control.clear();
                iov.setPointer(0, data);
                setSize(iov, P, 1);
                msg.setPointer(MSG_IOV, iov);
                setSize(msg, MSG_IOVLEN, 1);
                msg.setPointer(MSG_CONTROL, control);
                setSize(msg, MSG_CONTROLLEN, CONTROL_ROOM);
                long n;
                try {
                    n = C.recvmsg(socket, msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC).longValue();
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EAGAIN && e.getErrorCode() != EINTR) {
                        throw new SystemCallException(e.getErrorCode());
                    }
                    if (!await(socket, false, open)) {
                        return -1;
                    }
                    continue;
                }
                if (n == 0) {
                    return -1;
                }
                return takeDescriptor(msg, control);
            }
        }
    }

    /** The first descriptor of the control message; any further ones are closed. */
    private static int takeDescriptor(Memory msg, Memory control) throws SystemCallException {
        long controlLen = size(msg, MSG_CONTROLLEN);
        if (controlLen < CMSG_LEN_ONE) {
            throw new SystemCallException(EACCES);
        }
        long cmsgLen = size(control, 0);
        int level = control.getInt(L);
        int type = control.getInt(L + 4);
        if (level != SOL_SOCKET || type != SCM_RIGHTS || cmsgLen < CMSG_LEN_ONE) {
            throw new SystemCallException(EACCES);
        }
        int count = (int) Math.min((cmsgLen - CMSG_HDR) / 4, (CONTROL_ROOM - CMSG_HDR) / 4);
        for (int i = 1; i < count; i++) {
            close(control.getInt(CMSG_HDR + 4L * i));
        }
        return control.getInt(CMSG_HDR);
    }

    private static void setSize(Pointer p, long offset, long value) {
        if (L == 8) {
            p.setLong(offset, value);
        } else {
            p.setInt(offset, (int) value);
        }
    }

    private static long size(Pointer p, long offset) {
        return L == 8 ? p.getLong(offset) : Integer.toUnsignedLong(p.getInt(offset));
    }

    private static int align(int n) {
        return (n + L - 1) & -L;
    }
}
