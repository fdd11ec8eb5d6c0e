package org.jvirt.driver.qemu.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.RealQemu;

/** Probing the real QEMU once, and the cache that spares the next probes. */
class CapsCacheTest {
    @TempDir
    Path dir;

    @Test
    void probesOnceThenAnswersFromMemoryThenFromDiskUntilTheBinaryChanges() throws Exception {
        Path qemu = RealQemu.emulator();
        // a copy we may touch, in a folder of our own
        Path bin = dir.resolve("bin/qemu-system-x86_64");
        Files.createDirectories(bin.getParent());
        Files.copy(qemu, bin);
        AtomicInteger probes = new AtomicInteger();
        CapsCache.Prober counting = (p, size, mtime) -> {
            probes.incrementAndGet();
            return CapsProbe.probe(p, size, mtime);
        };
        Path cacheDir = dir.resolve("cache");
        CapsCache cache = new CapsCache(cacheDir, counting);

        QemuCaps caps = cache.get(bin);
        assertThat(probes).hasValue(1);
        assertThat(caps.arch()).isEqualTo("x86_64");
        assertThat(caps.version()).isGreaterThanOrEqualTo(7_000_000);
        assertThat(caps.hasCommand("query-status")).isTrue();
        assertThat(caps.hasType("tcg-accel")).isTrue();
        assertThat(caps.defaultMachine()).isNotNull();
        assertThat(caps.machine("pc")).isPresent();
        assertThat(caps.canonicalMachine("pc")).startsWith("pc-i440fx-");
        assertThat(caps.cpuModels()).anyMatch(c -> c.name().equals("qemu64"));
        assertThat(caps.kvm()).isEqualTo(CapsProbe.kvmDeviceUsable() && caps.kvm());

        assertThat(cache.get(bin)).isSameAs(caps);
        assertThat(probes).hasValue(1);

        // a new process (a new cache object) reads the file instead of probing
        CapsCache again = new CapsCache(cacheDir, counting);
        assertThat(again.get(bin)).isEqualTo(caps);
        assertThat(probes).hasValue(1);
        try (var files = Files.list(cacheDir)) {
            assertThat(files).hasSize(1);
        }

        // an upgraded binary (another mtime) is probed again
        Files.setLastModifiedTime(bin, FileTime.fromMillis(caps.mtimeMillis() - 60_000));
        QemuCaps fresh = again.get(bin);
        assertThat(probes).hasValue(2);
        assertThat(fresh.mtimeMillis()).isEqualTo(caps.mtimeMillis() - 60_000);
        assertThat(new CapsCache(cacheDir, counting).get(bin)).isEqualTo(fresh);
        assertThat(probes).hasValue(2);
    }

    @Test
    void aGarbledCacheFileIsProbedAgain() throws Exception {
        Path qemu = RealQemu.emulator();
        AtomicInteger probes = new AtomicInteger();
        CapsCache cache = new CapsCache(dir, (p, s, m) -> {
            probes.incrementAndGet();
            return CapsProbe.probe(p, s, m);
        });
        Files.writeString(cache.fileOf(qemu), "{not json");
        assertThat(cache.get(qemu).arch()).isEqualTo("x86_64");
        assertThat(probes).hasValue(1);
        assertThat(Files.readString(cache.fileOf(qemu))).contains("\"arch\" : \"x86_64\"");
    }

    @Test
    void aMissingBinaryFailsAsLibvirtSaysIt() {
        CapsCache cache = new CapsCache(dir);
        assertThatThrownBy(() -> cache.get(Path.of("/usr/bin/qemu-system-nonesuch")))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_ERROR);
                    assertThat(e.getMessage()).isEqualTo(
                            "Cannot check QEMU binary /usr/bin/qemu-system-nonesuch: No such file or directory");
                });
    }

    @Test
    void aBinaryThatIsNotQemuFailsToProbe() throws Exception {
        Path fake = dir.resolve("qemu-fake");
        Files.writeString(fake, "#!/bin/sh\necho 'qemu-fake: unsupported' >&2\nexit 1\n");
        fake.toFile().setExecutable(true);
        CapsCache cache = new CapsCache(dir.resolve("cache"));
        assertThatThrownBy(() -> cache.get(fake)).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(e.getMessage()).startsWith("internal error: Failed to probe capabilities for " + fake)
                    .contains("qemu-fake: unsupported");
        });
    }
}
