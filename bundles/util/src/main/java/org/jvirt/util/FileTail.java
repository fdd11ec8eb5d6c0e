package org.jvirt.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads what a program appended to its log since a known offset, bounded in size: a driver quotes the last
 * lines an emulator wrote when it failed, as libvirt quotes QEMU's log in its errors.
 */
public final class FileTail {
    private FileTail() {
    }

    /** The file's size, or 0 when it does not exist. */
    public static long size(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.size();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The text from {@code offset} to the end of the file, at most {@code maxBytes} (the last ones, starting at a
     * line's beginning when cut); empty when the file is missing.
     */
    public static String since(Path file, long offset, int maxBytes) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long from = Math.max(Math.max(0, offset), size - maxBytes);
            boolean cut = from > Math.max(0, offset);
            ByteBuffer buf = ByteBuffer.allocate((int) Math.max(0, size - from));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                // read until full
            }
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            if (cut) {
                int nl = text.indexOf('\n');
                text = nl >= 0 ? text.substring(nl + 1) : text;
            }
            return text;
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "";
        }
    }
}
