package org.jvirt.driver.qemu.domcaps;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the host, not QEMU, decides in domain capabilities.
 *
 * @param vfio           whether PCI devices can be assigned through VFIO ({@code /dev/vfio/vfio} and IOMMU groups)
 * @param swtpm          whether the TPM emulator (swtpm) is installed, which an emulated TPM needs
 * @param firmwares      the firmware kinds auto-selection can give the machine ("bios", "efi")
 * @param loaders        the firmware images offered as {@code <loader>} values
 * @param secureLoader   whether one of them supports Secure Boot on this machine
 */
public record HostSupport(boolean vfio, boolean swtpm, List<String> firmwares, List<String> loaders,
        boolean secureLoader) {

    /** What this host has, without firmware descriptors. */
    public static HostSupport probe() {
        return new HostSupport(vfioUsable(), onPath("swtpm"), List.of(), List.of(), false);
    }

    private static boolean vfioUsable() {
        Path groups = Path.of("/sys/kernel/iommu_groups");
        if (!Files.exists(Path.of("/dev/vfio/vfio")) || !Files.isDirectory(groups)) {
            return false;
        }
        try (Stream<Path> s = Files.list(groups)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
