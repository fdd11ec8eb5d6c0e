package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the driver keeps its files under {@code jvirt.home}, as libvirt keeps /etc/libvirt/qemu, /run/libvirt/qemu
 * and /var/log/libvirt/qemu: persistent configs and autostart links, live status with monitor sockets and pid
 * files, QEMU's own logs, and the capabilities cache.
 */
record QemuPaths(Path home) {
    Path config() {
        return home.resolve("etc/qemu");
    }

    Path autostart() {
        return config().resolve("autostart");
    }

    Path run() {
        return home.resolve("run/qemu");
    }

    Path logs() {
        return home.resolve("data/log/qemu");
    }

    /** Managed save images, as libvirt's /var/lib/libvirt/qemu/save. */
    Path saves() {
        return home.resolve("data/lib/qemu/save");
    }

    Path managedSave(String name) {
        return saves().resolve(name + ".save");
    }

    /** A domain's snapshot metadata, as libvirt's /var/lib/libvirt/qemu/snapshot/NAME. */
    Path snapshots(String name) {
        return home.resolve("data/lib/qemu/snapshot").resolve(name);
    }

    Path capsCache() {
        return home.resolve("data/cache/qemu/capabilities");
    }

    Path configFile(String name) {
        return config().resolve(name + ".xml");
    }

    Path autostartLink(String name) {
        return autostart().resolve(name + ".xml");
    }

    Path statusFile(String name) {
        return run().resolve(name + ".xml");
    }

    Path pidFile(String name) {
        return run().resolve(name + ".pid");
    }

    Path logFile(String name) {
        return logs().resolve(name + ".log");
    }

    /** The private folder of one run (monitor socket, master key), as libvirt's domain-ID-NAME. */
    Path domainDir(int id, String name) {
        return run().resolve("domain-" + id + "-" + name);
    }

    void create() throws IOException {
        for (Path p : new Path[] {config(), autostart(), run(), logs(), capsCache(), saves()}) {
            Files.createDirectories(p);
        }
    }
}
