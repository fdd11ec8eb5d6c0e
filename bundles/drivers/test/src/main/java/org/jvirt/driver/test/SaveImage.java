package org.jvirt.driver.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;

/**
 * The test driver's save images and core dumps, in libvirt's layout so either can read the other's: the magic
 * "TestGuestMagic" and its NUL, the length of the XML as a native int, the domain XML.
 */
final class SaveImage {
    static final byte[] MAGIC = "TestGuestMagic\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_XML = 8192;

    private SaveImage() {
    }

    static void write(Path path, DomainDef def) {
        String xml = DomainXml.format(def, EnumSet.of(DomainXMLFlag.SECURE));
        byte[] text = xml.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + text.length).order(ByteOrder.nativeOrder());
        buf.put(MAGIC).putInt(text.length).put(text);
        try {
            writePrivate(path, buf.array());
        } catch (IOException e) {
            throw system("saving domain '" + def.name + "' to '" + path + "': open failed", e);
        }
    }

    /** A core dump: the magic alone. */
    static void writeDump(Path path, String domain) {
        try {
            writePrivate(path, MAGIC);
        } catch (IOException e) {
            throw system("domain '" + domain + "' coredump: failed to open " + path, e);
        }
    }

    private static void writePrivate(Path path, byte[] bytes) throws IOException {
        Files.write(path, bytes);
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stay
        }
    }

    /** The domain an image holds (testDomainSaveImageOpen). */
    static DomainDef read(Path path) {
        byte[] head = new byte[MAGIC.length];
        byte[] xml;
        try (InputStream in = Files.newInputStream(path)) {
            if (in.readNBytes(head, 0, head.length) != head.length) {
                throw system("incomplete save header in '" + path + "'", null);
            }
            if (!java.util.Arrays.equals(head, MAGIC)) {
                throw Errors.internal("mismatched header magic");
            }
            byte[] len = in.readNBytes(4);
            if (len.length != 4) {
                throw system("failed to read metadata length in '" + path + "'", null);
            }
            int n = ByteBuffer.wrap(len).order(ByteOrder.nativeOrder()).getInt();
            if (n < 1 || n > MAX_XML) {
                throw Errors.internal("length of metadata out of range");
            }
            xml = in.readNBytes(n);
            if (xml.length != n) {
                throw system("incomplete metadata in '" + path + "'", null);
            }
        } catch (IOException e) {
            throw system("cannot read domain image '" + path + "'", e);
        }
        return DomainXml.parse(new String(xml, StandardCharsets.UTF_8), TestState.PARSE);
    }

    private static VirtException system(String text, IOException e) {
        String reason = e instanceof NoSuchFileException ? "No such file or directory"
                : e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                : e == null ? "Success" : e.getMessage();
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST, text + ": " + reason, e);
    }
}
