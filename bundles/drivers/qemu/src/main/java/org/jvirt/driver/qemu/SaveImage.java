package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A saved domain's file in libvirt's layout (qemu_saveimage.h): a 92-byte header (magic, version, length of the
 * data, whether the guest ran, compression, offset of the cookie), the domain's XML ending with a NUL, then QEMU's
 * migration stream. The magic says "partial" while the stream is being written and "save" once it is complete.
 *
 * @param xml        the domain's definition
 * @param wasRunning whether the guest is to run after a restore
 * @param dataOffset where QEMU's stream begins
 */
record SaveImage(String xml, boolean wasRunning, long dataOffset) {
    static final String MAGIC = "LibvirtQemudSave";
    static final String PARTIAL = "LibvirtQemudPart";
    static final int VERSION = 2;
    static final int HEADER = 16 + 5 * 4 + 14 * 4;

    /** Writes the header (with the partial magic) and the XML; returns where QEMU's stream begins. */
    static long writeStart(FileChannel ch, String xml, boolean wasRunning) throws IOException {
        byte[] data = (xml + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(HEADER + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(PARTIAL.getBytes(StandardCharsets.US_ASCII)).putInt(VERSION).putInt(data.length)
                .putInt(wasRunning ? 1 : 0).putInt(0).putInt(0);
        b.position(HEADER);
        b.put(data).flip();
        ch.truncate(0);
        ch.position(0);
        while (b.hasRemaining()) {
            ch.write(b);
        }
        return HEADER + data.length;
    }

    /** Marks the image complete: the stream is all there. */
    static void complete(FileChannel ch) throws IOException {
        ch.write(ByteBuffer.wrap(MAGIC.getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(true);
    }

    /** Reads the header and the XML, with libvirt's errors for a file that is not a complete save image. */
    static SaveImage read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && ch.read(h) > 0) {
                // fill the header
            }
            if (h.hasRemaining()) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "failed to read qemu header");
            }
            byte[] magic = new byte[16];
            h.flip();
            h.get(magic);
            String m = new String(magic, StandardCharsets.US_ASCII);
            if (!MAGIC.equals(m)) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, PARTIAL.equals(m)
                        ? "save image is incomplete" : "image magic is incorrect");
            }
            int version = h.getInt();
            if (version > VERSION) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "image version is not "
                        + "supported (" + version + " > " + VERSION + ")");
            }
            int dataLen = h.getInt();
            boolean running = h.getInt() != 0;
            int compressed = h.getInt();
            if (compressed != 0) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "compressed save images are not supported by jvirt's QEMU driver yet");
            }
            ByteBuffer d = ByteBuffer.allocate(dataLen);
            while (d.hasRemaining() && ch.read(d) > 0) {
                // fill the data
            }
            String xml = new String(d.array(), 0, d.position(), StandardCharsets.UTF_8);
            int nul = xml.indexOf('\0');
            return new SaveImage(nul >= 0 ? xml.substring(0, nul) : xml, running, HEADER + (long) dataLen);
        } catch (NoSuchFileException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "Failed to open domain image file '"
                    + file + "': No such file or directory");
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot read domain image file '"
                    + file + "': " + e.getMessage());
        }
    }
}
