package org.jvirt.driver.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * The picture a test domain's screenshot gives. libvirt's test driver streams a PNG file installed with libvirt; jvirt
 * ships none of libvirt's files, so it draws its own PNG here: colour bars, made once, with no imaging library.
 */
final class ScreenshotImage {
    static final String MIME_TYPE = "image/png";
    private static final int WIDTH = 320;
    private static final int HEIGHT = 200;
    private static final int[] BARS = {0xc0c0c0, 0xc0c000, 0x00c0c0, 0x00c000, 0xc000c0, 0xc00000, 0x0000c0, 0x000000};
    private static final byte[] PNG = draw();

    private ScreenshotImage() {
    }

    static byte[] png() {
        return PNG.clone();
    }

    private static byte[] draw() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < HEIGHT; y++) {
            raw.write(0); // filter type "none" for each scanline
            for (int x = 0; x < WIDTH; x++) {
                int rgb = BARS[x * BARS.length / WIDTH];
                raw.write(rgb >> 16);
                raw.write(rgb >> 8 & 0xff);
                raw.write(rgb & 0xff);
            }
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(packed)) {
            raw.writeTo(z);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("in-memory deflate failed", e);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] header = new byte[13];
        putInt(header, 0, WIDTH);
        putInt(header, 4, HEIGHT);
        header[8] = 8; // bits per sample
        header[9] = 2; // truecolour, no alpha
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", packed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        out.writeBytes(len);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
