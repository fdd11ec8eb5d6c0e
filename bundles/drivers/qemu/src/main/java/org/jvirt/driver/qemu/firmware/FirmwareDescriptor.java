package org.jvirt.driver.qemu.firmware;

import java.util.List;
import java.util.Set;

/**
 * One firmware descriptor, as QEMU's docs/interop/firmware.json defines it and libvirt reads it: the guest
 * interfaces the firmware offers, how it is mapped into the guest, the machines it runs on, and its features. The
 * description and tags are not kept, as libvirt does not read them either.
 *
 * @param interfaces interface types ("bios", "openfirmware", "uboot", "uefi"), in the file's order
 * @param mapping    how the image reaches the guest
 * @param targets    architectures with the machine type patterns (globs) of each
 * @param features   the features jvirt knows ({@link #KNOWN_FEATURES}), in the file's order
 */
public record FirmwareDescriptor(List<String> interfaces, Mapping mapping, List<Target> targets,
        List<String> features) {
    /** The interface types a descriptor may name; any other makes the descriptor unreadable, as in libvirt. */
    public static final Set<String> INTERFACES = Set.of("bios", "openfirmware", "uboot", "uefi");
    /** The features libvirt acts on; others are ignored (with a debug line), as libvirt ignores them. */
    public static final Set<String> KNOWN_FEATURES = Set.of("acpi-s3", "acpi-s4", "amd-sev", "amd-sev-es",
            "enrolled-keys", "requires-smm", "secure-boot", "verbose-dynamic", "verbose-static");

    public FirmwareDescriptor {
        interfaces = List.copyOf(interfaces);
        targets = List.copyOf(targets);
        features = List.copyOf(features);
    }

    public boolean has(String feature) {
        return features.contains(feature);
    }

    /** How the firmware image is given to the guest. */
    public sealed interface Mapping permits Flash, Kernel, Memory {
    }

    /** A pflash image, with its NVRAM template in split mode. */
    public record Flash(FlashMode mode, FlashFile executable, FlashFile nvramTemplate) implements Mapping {
    }

    /** A kernel image passed with -kernel. */
    public record Kernel(String filename) implements Mapping {
    }

    /** A ROM image mapped into memory (-bios). */
    public record Memory(String filename) implements Mapping {
    }

    /** A flash file: where it is and its image format ("raw", "qcow2"). */
    public record FlashFile(String filename, String format) {
    }

    /** firmware.json's FirmwareFlashMode; split is the default when a descriptor names none. */
    public enum FlashMode {
        SPLIT, COMBINED, STATELESS;

        static FlashMode of(String s) {
            return switch (s) {
                case "split" -> SPLIT;
                case "combined" -> COMBINED;
                case "stateless" -> STATELESS;
                default -> null;
            };
        }
    }

    /**
     * An architecture (libvirt's name for it: QEMU's i386 is i686, arm is armv7l) and the machine type globs
     * ({@code *} and {@code ?}) the firmware runs on.
     */
    public record Target(String arch, List<String> machines) {
        public Target {
            machines = List.copyOf(machines);
        }
    }
}
