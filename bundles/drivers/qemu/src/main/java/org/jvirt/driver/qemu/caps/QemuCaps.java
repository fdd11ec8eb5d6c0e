package org.jvirt.driver.qemu.caps;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one QEMU binary can do, as probed through QMP (libvirt's virQEMUCaps). Kept on disk between runs, keyed by
 * the binary's path, size and modification time.
 *
 * @param emulator     the binary's absolute path
 * @param size         its size in bytes when probed
 * @param mtimeMillis  its modification time when probed
 * @param format       the cache format this was written with ({@link #FORMAT})
 * @param version      QEMU's version, libvirt's encoding (major * 1,000,000 + minor * 1,000 + micro)
 * @param packageText  the package string QEMU reports (Debian's version …)
 * @param arch         the target architecture (query-target), e.g. x86_64
 * @param kvm          whether KVM worked when probed (/dev/kvm usable and accepted by QEMU)
 * @param commands     the QMP commands
 * @param machines     the machine types, the default one first (as libvirt orders them)
 * @param cpuModels    the CPU models
 * @param types        the QOM types (devices, objects, accelerators)
 * @param flags        what else the probe found: facts from QEMU's QAPI schema and its TPM queries, named as libvirt
 *                     names its QEMU capability flags ({@code sdl}, {@code tpm-emulator} …), and the queries that
 *                     answered on this host ({@code query-sev-capabilities}, which fails on a host without SEV)
 * @param tcgCpuModels the CPU models as TCG can run them: probed apart when {@code cpuModels} are KVM's, since a
 *                     model KVM cannot run may well run under TCG and the other way round
 */
public record QemuCaps(String emulator, long size, long mtimeMillis, int format, long version, String packageText,
        String arch, boolean kvm, Set<String> commands, List<Machine> machines, List<CpuModel> cpuModels,
        Set<String> types, Set<String> flags, List<CpuModel> tcgCpuModels) {

    /** Bumped whenever what is probed or how it is kept changes, so old cache files are probed again. */
    public static final int FORMAT = 2;

    /** Capabilities with no extra flags, whose CPU models are those of the one accelerator probed. */
    public QemuCaps(String emulator, long size, long mtimeMillis, int format, long version, String packageText,
            String arch, boolean kvm, Set<String> commands, List<Machine> machines, List<CpuModel> cpuModels,
            Set<String> types) {
        this(emulator, size, mtimeMillis, format, version, packageText, arch, kvm, commands, machines, cpuModels,
                types, Set.of(), cpuModels);
    }

    /** Whether the probe found the libvirt-named capability {@code flag} ({@link #flags}). */
    public boolean hasFlag(String flag) {
        return flags != null && flags.contains(flag);
    }

    /** The CPU models as the accelerator {@code kvm} (true) or TCG (false) can run them. */
    public List<CpuModel> cpuModels(boolean forKvm) {
        return forKvm || tcgCpuModels == null ? cpuModels : tcgCpuModels;
    }

    /**
     * A machine type.
     *
     * @param name           its versioned name (pc-i440fx-7.2)
     * @param alias          its short name (pc), or null
     * @param isDefault      whether QEMU uses it when none is given
     * @param maxCpus        the most vCPUs it takes
     * @param deprecated     whether QEMU deprecates it
     * @param defaultCpuType the QOM type of its default CPU, or null
     * @param defaultRamId   the id of its RAM backend (pc.ram), or null
     */
    public record Machine(String name, String alias, boolean isDefault, int maxCpus, boolean deprecated,
            String defaultCpuType, String defaultRamId) {
    }

    /**
     * A CPU model.
     *
     * @param name       its name (qemu64, Skylake-Client)
     * @param typename   its QOM type
     * @param usable     whether the accelerator probed can run it (no unavailable features)
     * @param deprecated whether QEMU deprecates it
     */
    public record CpuModel(String name, String typename, boolean usable, boolean deprecated) {
    }

    /** The machine named {@code name}, by its name or its alias. */
    public Optional<Machine> machine(String name) {
        return machines.stream().filter(m -> m.name().equals(name) || name.equals(m.alias())).findFirst();
    }

    /** The versioned name of a machine given by alias or name (pc → pc-i440fx-7.2). */
    public String canonicalMachine(String name) {
        return machine(name).map(Machine::name).orElse(name);
    }

    /** The default machine type, or null when QEMU names none. */
    public Machine defaultMachine() {
        return machines.stream().filter(Machine::isDefault).findFirst().orElse(null);
    }

    public boolean hasCommand(String name) {
        return commands.contains(name);
    }

    public boolean hasType(String name) {
        return types.contains(name);
    }

    /** "7.2.22" for 7002022. */
    public String versionText() {
        return (version / 1_000_000) + "." + (version / 1_000 % 1_000) + "." + (version % 1_000);
    }
}
