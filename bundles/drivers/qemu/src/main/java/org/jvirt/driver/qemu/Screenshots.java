package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.AttachableStream;
import org.jvirt.api.driver.StreamChannel;
import org.jvirt.conf.domain.VideoDef;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * qemuDomainScreenshot: QEMU's screendump of a screen (PNG where QEMU can write it, 7.1 and later; PPM before)
 * into a file in the run's folder, which the stream then reads and removes.
 */
final class Screenshots {
    private static final Logger LOG = LoggerFactory.getLogger(Screenshots.class);
    /** The first QEMU whose screendump writes PNG (libvirt's QEMU_CAPS_SCREENSHOT_FORMAT_PNG). */
    private static final long PNG_SINCE = 7_001_000;

    private final QemuDriver driver;

    Screenshots(QemuDriver driver) {
        this.driver = driver;
    }

    /** Takes the screenshot and puts it behind {@code stream}; returns its MIME type. */
    String take(QemuDomainObj o, Stream stream, int screen) {
        AttachableStream target = AttachableStream.of(stream);
        QmpMonitor mon;
        String alias = null;
        Path dir;
        long version;
        synchronized (o) {
            if (!o.isActive() || o.monitor == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            mon = o.monitor;
            if (o.def.devices().videos.isEmpty()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "no screens to take screenshot from");
            }
            if (screen != 0) {
                int left = screen;
                for (VideoDef v : o.def.devices().videos) {
                    int heads = v.model == null || v.model.heads == null ? 1 : Integer.parseInt(v.model.heads);
                    if (left < heads) {
                        alias = v.alias == null ? null : v.alias.name;
                        break;
                    }
                    left -= heads;
                }
                if (alias == null) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "no such screen ID");
                }
                screen = left;
            }
            dir = driver.paths.domainDir(o.def.id, o.def.name);
            version = driver.capsFor(o.def).version();
        }
        boolean png = version >= PNG_SINCE;
        Path file;
        try {
            file = Files.createTempFile(dir, "qemu.screendump.", "");
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot make a file in " + dir + ": "
                    + e.getMessage());
        }
        boolean attached = false;
        try {
            ObjectNode args = JsonNodeFactory.instance.objectNode().put("filename", file.toString());
            if (alias != null) {
                args.put("device", alias).put("head", screen);
            }
            if (png) {
                args.put("format", "png");
            }
            QmpCommands.execute(mon, "screendump", args);
            FileChannel in;
            try {
                in = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "unable to open stream");
            }
            target.attach(new FileReading(in, file));
            attached = true;
        } finally {
            if (!attached) {
                remove(file);
            }
        }
        return png ? "image/png" : "image/x-portable-pixmap";
    }

    private static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", file, e.toString());
        }
    }

    /** A stream's data from a file the driver made for it; the file goes when the stream ends. */
    private static final class FileReading implements StreamChannel {
        private final FileChannel in;
        private final Path file;

        FileReading(FileChannel in, Path file) {
            this.in = in;
            this.file = file;
        }

        @Override
        public int send(byte[] data, int off, int len) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS,
                    "cannot send to a screenshot stream");
        }

        @Override
        public int recv(byte[] buf, int off, int len, boolean stopAtHole) {
            try {
                int n = in.read(ByteBuffer.wrap(buf, off, len));
                return Math.max(n, 0);
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STREAMS, "cannot read " + file + ": "
                        + e.getMessage());
            }
        }

        @Override
        public void finish() {
            close();
        }

        @Override
        public void abort() {
            close();
        }

        private void close() {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", file, e.toString());
            }
            remove(file);
        }
    }
}
