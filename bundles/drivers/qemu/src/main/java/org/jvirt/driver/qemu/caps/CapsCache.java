package org.jvirt.driver.qemu.caps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.jvirt.util.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capabilities per emulator binary, probed once: kept in memory and in {@code DIR/SHA256(path).json}, and valid
 * while the binary's path, size and modification time are those it was probed with (libvirt's capabilities
 * cache, which keys on the same and lives in /var/cache/libvirt/qemu/capabilities).
 */
public final class CapsCache {
    private static final Logger LOG = LoggerFactory.getLogger(CapsCache.class);

    /** How a binary is probed; tests swap in a counting one. */
    @FunctionalInterface
    public interface Prober {
        QemuCaps probe(Path emulator, long size, long mtimeMillis) throws IOException;
    }

    private final Path dir;
    private final Prober prober;
    private final Map<Path, QemuCaps> memory = new ConcurrentHashMap<>();

    public CapsCache(Path dir) {
        this(dir, CapsProbe::probe);
    }

    public CapsCache(Path dir, Prober prober) {
        this.dir = dir;
        this.prober = prober;
    }

    /**
     * The capabilities of {@code emulator}; fails as libvirt does when the binary is missing ("Cannot check QEMU
     * binary X: No such file or directory") or cannot be probed.
     */
    public QemuCaps get(Path emulator) {
        Path path = emulator.toAbsolutePath().normalize();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Cannot check QEMU binary " + emulator + ": No such file or directory");
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Cannot check QEMU binary " + emulator + ": " + e.getMessage());
        }
        long size = attrs.size();
        long mtime = attrs.lastModifiedTime().toMillis();
        QemuCaps known = memory.get(path);
        if (valid(known, path, size, mtime)) {
            return known;
        }
        synchronized (this) {
            known = memory.get(path);
            if (valid(known, path, size, mtime)) {
                return known;
            }
            QemuCaps caps = readFile(path, size, mtime);
            if (caps == null) {
                caps = probe(path, size, mtime);
                writeFile(caps);
            }
            memory.put(path, caps);
            return caps;
        }
    }

    /** Forgets what is kept in memory (the files stay): the next lookup reads the disk cache. */
    public void clearMemory() {
        memory.clear();
    }

    private static boolean valid(QemuCaps c, Path path, long size, long mtime) {
        return c != null && c.format() == QemuCaps.FORMAT && c.emulator().equals(path.toString())
                && c.size() == size && c.mtimeMillis() == mtime;
    }

    private QemuCaps probe(Path path, long size, long mtime) {
        if (!Files.isExecutable(path)) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "QEMU binary " + path + " is not executable: Permission denied");
        }
        try {
            return prober.probe(path, size, mtime);
        } catch (IOException | RuntimeException e) {
            if (e instanceof VirtException v) {
                throw v;
            }
            LOG.warn("capabilities of {}: probe failed", path, e);
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "Failed to probe capabilities for " + path + ": " + e.getMessage());
        }
    }

    Path fileOf(Path emulator) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(emulator.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(h) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private QemuCaps readFile(Path path, long size, long mtime) {
        Path f = fileOf(path);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            QemuCaps c = QmpMonitor.JSON.readValue(f.toFile(), QemuCaps.class);
            if (valid(c, path, size, mtime)) {
                LOG.debug("capabilities of {} from {}", path, f);
                return c;
            }
            LOG.info("capabilities of {}: the binary changed since it was probed; probing again", path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("capabilities of {}: unreadable cache file {} ({}); probing again", path, f, e.toString());
        }
        return null;
    }

    private void writeFile(QemuCaps caps) {
        Path f = fileOf(Path.of(caps.emulator()));
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(f, QmpMonitor.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(caps));
        } catch (IOException e) {
            // a cache that cannot be written only costs a probe next time
            LOG.warn("capabilities of {}: cannot write {}: {}", caps.emulator(), f, e.toString());
        }
    }
}
