package org.jvirt.driver.qemu.block;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the first bytes of a disk image say about it, as libvirt's image probe reads them: the qcow2 header's
 * backing file name, the backing format from its header extension, and the virtual size. Other formats are taken
 * as what the domain says they are, with no backing file.
 *
 * @param format        the format the image was read as (qcow2, raw …)
 * @param backingFile   the backing file as written in the image (absolute, or relative to the image's folder), or
 *                      null
 * @param backingFormat the backing file's format as the image records it, or null when it records none
 * @param virtualSize   the guest-visible size in bytes, or -1 when the header does not say
 */
public record ImageHeader(String format, String backingFile, String backingFormat, long virtualSize) {
    private static final int QCOW_MAGIC = 0x514649fb;
    private static final int EXT_END = 0;
    private static final int EXT_BACKING_FORMAT = 0xe2792aca;
    /** libvirt reads at most this much of an image's start. */
    private static final int MAX_HEADER = 0x8000;

    /**
     * Reads an image's header; {@code format} is the format the domain gives it (null or "raw" reads nothing).
     *
     * @throws IOException when the file cannot be read
     */
    public static ImageHeader read(Path image, String format) throws IOException {
        if (!"qcow2".equals(format)) {
            return new ImageHeader(format == null ? "raw" : format, null, null, -1);
        }
        ByteBuffer b = ByteBuffer.allocate(MAX_HEADER).order(ByteOrder.BIG_ENDIAN);
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill what the file has
            }
        }
        b.flip();
        return parseQcow2(b);
    }

    static ImageHeader parseQcow2(ByteBuffer b) {
        if (b.limit() < 72 || b.getInt(0) != QCOW_MAGIC) {
            // not a qcow2 image after all: QEMU will say so when it opens it
            return new ImageHeader("qcow2", null, null, -1);
        }
        int version = b.getInt(4);
        long backingOffset = b.getLong(8);
        int backingSize = b.getInt(16);
        long size = b.getLong(24);
        String backing = null;
        if (backingOffset > 0 && backingSize > 0 && backingOffset + backingSize <= b.limit()) {
            byte[] name = new byte[backingSize];
            b.get((int) backingOffset, name);
            backing = new String(name, StandardCharsets.UTF_8);
        }
        int extStart = version >= 3 && b.limit() >= 104 ? b.getInt(100) : 72;
        String backingFormat = null;
        int at = extStart;
        int end = backingOffset > 0 ? (int) Math.min(backingOffset, b.limit()) : b.limit();
        while (at + 8 <= end) {
            int type = b.getInt(at);
            int len = b.getInt(at + 4);
            if (type == EXT_END || len < 0 || at + 8 + len > end) {
                break;
            }
            if (type == EXT_BACKING_FORMAT) {
                byte[] f = new byte[len];
                b.get(at + 8, f);
                backingFormat = new String(f, StandardCharsets.UTF_8);
            }
            at += 8 + (len + 7) / 8 * 8;
        }
        return new ImageHeader("qcow2", backing, backingFormat, size);
    }
}
