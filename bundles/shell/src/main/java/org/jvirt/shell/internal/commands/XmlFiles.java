package org.jvirt.shell.internal.commands;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Reads an XML file a command is given, as libvirt's virFileReadAll does for virsh: at most 10 MiB, and the errors
 * libvirt reports ("Failed to open file 'F': No such file or directory").
 */
final class XmlFiles {
    /** virsh's limit on an XML file (VSH_MAX_XML_FILE). */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private XmlFiles() {
    }

    static String read(String file) {
        return read(Path.of(""), file);
    }

    /** The file, relative to the session's directory. */
    static String read(org.jvirt.shell.internal.CommandContext ctx, String file) {
        return read(ctx.session().directory(), file);
    }

    /** At most {@code max} bytes of the file, relative to the session's directory. */
    static byte[] readBytes(org.jvirt.shell.internal.CommandContext ctx, String file, int max) {
        return readBytes(ctx.session().directory(), file, max);
    }

    private static String read(Path directory, String file) {
        return new String(readBytes(directory, file, MAX_BYTES), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path directory, String file, int max) {
        InputStream in;
        try {
            in = Files.newInputStream(directory.resolve(file));
        } catch (IOException | RuntimeException e) {
            throw systemError("Failed to open file '" + file + "': " + reason(e));
        }
        try (in) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw systemError("Failed to read file '" + file + "': File too large");
            }
            return bytes;
        } catch (IOException e) {
            throw systemError("Failed to read file '" + file + "': " + reason(e));
        }
    }

    private static VirtException systemError(String message) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, message);
    }

    /** The strerror text for what went wrong. */
    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
