package org.jvirt.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a crash at any moment leaves either the old content or the new, never a torn file:
 * write a temporary file beside the target, force it to disk, rename it over the target, force the folder.
 *
 * <p>Files that describe live state (a running guest's status and pid file under {@code run/}) cannot outlive
 * the host: after a crash of the host the processes they describe are gone as well. They need only survive a
 * crash of the platform, which the rename alone gives: {@link #writeLive} skips the two forces, and the disk
 * flushes they cost.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code text} in UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code data}; the parent folder must exist. */
    public static void write(Path target, byte[] data) throws IOException {
        replace(target, data, true);
    }

    /**
     * Replaces {@code target} with {@code text} in UTF-8, atomically against a crash of this process but not
     * forced to disk: for state that describes running processes and means nothing after the host restarts.
     */
    public static void writeLive(Path target, String text) throws IOException {
        replace(target, text.getBytes(StandardCharsets.UTF_8), false);
    }

    private static void replace(Path target, byte[] data, boolean force) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (force) {
                    ch.force(true);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // the temporary file sits in the target's own folder, so this only happens on odd file systems
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (force) {
            forceFolder(dir);
        }
    }

    /** Forces a folder's entries to disk, so that a rename in it survives a crash. */
    static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a folder for reading; the rename itself already happened
        }
    }
}
