package org.jvirt.driver.qemu.firmware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the firmware descriptors offer one machine type and architecture, for domain capabilities
 * (qemuFirmwareGetSupported): the firmware kinds auto-selection can pick, the images a {@code <loader>} may name
 * (those that exist), and whether one of them needs SMM (Secure Boot). Without a descriptor for the machine,
 * libvirt offers its built-in list of images instead.
 *
 * @param kinds   "bios" and "efi", in libvirt's order, as far as offered
 * @param loaders the images, in the descriptors' priority order
 * @param secure  whether an offered image requires SMM
 */
public record FirmwareSupport(List<String> kinds, List<String> loaders, boolean secure) {
    /** libvirt's default loader list (its QEMU driver's nvram setting when qemu.conf has none): the code images. */
    static final List<String> DEFAULT_LOADERS = List.of("/usr/share/OVMF/OVMF_CODE.fd",
            "/usr/share/OVMF/OVMF_CODE.secboot.fd", "/usr/share/AAVMF/AAVMF_CODE.fd",
            "/usr/share/AAVMF/AAVMF32_CODE.fd");

    public static FirmwareSupport of(FirmwareSearchPath path, String machine, String arch) {
        boolean bios = false;
        boolean efi = false;
        boolean secure = false;
        List<String> images = new ArrayList<>();
        boolean matched = false;
        for (FirmwareSearchPath.Found f : path.load()) {
            FirmwareDescriptor fw = f.descriptor();
            if (!FirmwareMatch.machineMatches(fw, arch, machine)) {
                continue;
            }
            matched = true;
            bios |= fw.interfaces().contains("bios");
            efi |= fw.interfaces().contains("uefi");
            secure |= fw.has("requires-smm");
            String image = null;
            if (fw.mapping() instanceof FirmwareDescriptor.Flash flash && flash.executable() != null) {
                image = flash.executable().filename();
            } else if (fw.mapping() instanceof FirmwareDescriptor.Memory memory) {
                image = memory.filename();
            }
            if (image != null) {
                images.add(image);
            }
        }
        List<String> kinds = new ArrayList<>();
        if (bios) {
            kinds.add("bios");
        }
        if (efi) {
            kinds.add("efi");
        }
        List<String> existing = new ArrayList<>();
        for (String image : matched ? images : DEFAULT_LOADERS) {
            if (Files.exists(Path.of(image))) {
                existing.add(image);
            }
        }
        return new FirmwareSupport(List.copyOf(kinds), List.copyOf(existing), secure);
    }
}
