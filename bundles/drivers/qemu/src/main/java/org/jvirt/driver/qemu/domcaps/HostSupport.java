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
 * @param secureLoader   whether one of them needs SMM for Secure Boot (offered on a machine with SMM only)
 */
public record HostSupport(boolean vfio, boolean swtpm, List<String> firmwares, List<String> loaders,
        boolean secureLoader) {

    /** What this host has, with what the firmware descriptors of {@code firmware} offer the machine. */
    public static HostSupport probe(org.jvirt.driver.qemu.firmware.FirmwareSearchPath firmware, String machine,
            String arch) {
        var fw = org.jvirt.driver.qemu.firmware.FirmwareSupport.of(firmware, machine, arch);
        return new HostSupport(vfioUsable(), onPath("swtpm"), fw.kinds(), fw.loaders(), fw.secure());
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
