package org.jvirt.daemon.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Unix sockets with their mode and group from the first instant: the socket is bound in a private folder, given its
 * mode and group there, then moved to its name, so no client ever finds it with looser permissions (Java cannot set
 * the umask libvirtd sets around its bind).
 */
final class UnixSockets {
    private UnixSockets() {
    }

    static ServerSocketChannel listen(Path socket, String perms, String group) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(socket, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(socket + " is a folder, not a socket");
            }
            // a socket someone still answers on belongs to a running daemon: taking its name would orphan it
            // (libvirtd holds a pid file lock for this); one nobody answers on is a stale one of an earlier run
            if (answers(socket)) {
                throw new IOException("another daemon is listening on " + socket);
            }
            Files.delete(socket);
        }
        Path staging = Files.createTempDirectory(dir, ".bind-",
                PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        Path tmp = staging.resolve(socket.getFileName());
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(tmp));
            Files.setPosixFilePermissions(tmp, mode(perms));
            if (group != null && !group.isEmpty()) {
                GroupPrincipal g = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setGroup(g);
            }
            try {
                Files.move(tmp, socket, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, socket);
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            Files.deleteIfExists(staging);
        }
        return ch;
    }

    /** Whether a server accepts connections on {@code socket} now. */
    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "0700" as permissions. */
    static Set<PosixFilePermission> mode(String octal) {
        int m = Integer.parseInt(octal, 8);
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((m & (1 << i)) != 0) {
                out.add(bits[i]);
            }
        }
        return out;
    }
}
