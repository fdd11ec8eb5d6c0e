package org.jvirt.driver.qemu.command;


import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ControllerDef;
import org.jvirt.conf.domain.CpuDef;
import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;

/**
 * What libvirt's QEMU driver adds to a domain after the generic parse (qemuDomainDefPostParse and the device
 * post-parse callbacks): the machine type, the emulator, the default CPU model, the machine's default devices
 * ({@link DefaultDevices}), each device's defaults ({@link DevicePostParse}), and — through {@link PciAddresses}
 * — the PCI slots. Checks what QEMU cannot do with libvirt's errors. Supports i440fx (pc) machines on x86; other
 * machines fail, saying so.
 */
public final class QemuDefaults {
    private QemuDefaults() {
    }

    /**
     * Fills in the defaults, then the addresses.
     *
     * @param abiUpdate a new definition (define, create): an alias machine type becomes its versioned name, as
     *                  libvirt does with VIR_DOMAIN_DEF_PARSE_ABI_UPDATE
     */
    public static void apply(DomainDef def, QemuCaps caps, boolean abiUpdate) {
        postParse(def, caps, abiUpdate);
        assignAddresses(def);
    }

    /** The addresses libvirt's QEMU driver gives devices that have none (qemuDomainAssignAddresses). */
    static void assignAddresses(DomainDef def) {
        VirtioSerialAddresses.assign(def.devices());
        SpaprVioAddresses.assign(def.devices());
        PciAddresses.assign(def);
    }

    /**
     * The defaults without the addresses (qemuDomainDefPostParse and qemuDomainDeviceDefPostParse): the machine
     * type and emulator, the checks of what QEMU cannot do, the default devices and CPU, each device's defaults.
     */
    static void postParse(DomainDef def, QemuCaps caps, boolean abiUpdate) {
        if (!"qemu".equals(def.type) && !"kvm".equals(def.type)) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.QEMU,
                    "virtualization type '" + def.type + "' is not supported by the QEMU driver");
        }
        if (def.os == null || def.os.type == null || !"hvm".equals(def.os.type.value)) {
            throw new VirtException(ErrorCode.OS_TYPE, ErrorDomain.QEMU,
                    "no support found for os <type> '" + (def.os == null || def.os.type == null ? "" : def.os.type.value)
                            + "'");
        }
        String arch = def.os.type.arch;
        if (!caps.arch().equals(arch) && !("i686".equals(arch) && "x86_64".equals(caps.arch()))) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Emulator '" + caps.emulator() + "' does not support arch '" + arch + "'");
        }
        Devices d = def.devices();
        if (d.emulator == null) {
            d.emulator = caps.emulator();
        }
        if (def.os.type.machine == null) {
            QemuCaps.Machine m = caps.defaultMachine();
            if (m == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "no default machine type for emulator '" + caps.emulator() + "'");
            }
            // the default machine by its alias, as libvirt's preferred machine; ABI update versions it below
            def.os.type.machine = m.alias() != null ? m.alias() : m.name();
        }
        QemuCaps.Machine machine = caps.machine(def.os.type.machine).orElseThrow(() -> new VirtException(
                ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "Emulator '" + caps.emulator()
                        + "' does not support machine type '" + def.os.type.machine + "'"));
        if (abiUpdate) {
            def.os.type.machine = machine.name();
        }
        if ("kvm".equals(def.type) && !caps.kvm()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Emulator '" + caps.emulator() + "' does not support virt type 'kvm'");
        }
        if (!isI440fx(machine.name()) && !isQ35(machine.name()) && !"isapc".equals(machine.name())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "machine type '" + def.os.type.machine + "' is not supported by jvirt's QEMU driver yet "
                            + "(only pc/i440fx, q35 and isapc machines are)");
        }
        if (def.maxVcpus() > machine.maxCpus() && machine.maxCpus() > 0) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Maximum CPUs greater than specified machine type limit " + machine.maxCpus());
        }
        DefaultDevices.add(def, caps);
        defaultCpu(def, machine);
        cpuCheck(def);
        checkPciControllers(def, d);
        // the primary video card comes first, as libvirt's parser puts it
        for (int i = 1; i < d.videos.size(); i++) {
            var v = d.videos.get(i);
            if (v.model != null && "yes".equals(v.model.primary)) {
                d.videos.remove(i);
                d.videos.add(0, v);
                break;
            }
        }
        DevicePostParse.apply(def, caps);
    }

    /** The PCI controllers a q35 machine may have besides its root bus. */
    private static final java.util.Set<String> Q35_PCI_MODELS = java.util.Set.of("pcie-root-port",
            "pcie-switch-upstream-port", "pcie-switch-downstream-port", "dmi-to-pci-bridge", "pci-bridge",
            "pcie-to-pci-bridge", "pcie-expander-bus", "pci-expander-bus");

    static boolean isQ35(String machine) {
        return machine.equals("q35") || machine.startsWith("pc-q35-");
    }

    public static boolean isI440fx(String machine) {
        return machine.equals("pc") || machine.startsWith("pc-i440fx-") || machine.startsWith("pc-0.")
                || machine.startsWith("pc-1.");
    }

    /** x86 guests without a CPU model get their machine's default CPU, spelled out (qemuDomainDefSetDefaultCPU). */
    private static void defaultCpu(DomainDef def, QemuCaps.Machine machine) {
        if (machine.defaultCpuType() == null) {
            return;
        }
        CpuDef cpu = def.cpu;
        if (cpu != null && (cpu.model != null && cpu.model.name != null
                || cpu.mode != null && !"custom".equals(cpu.mode))) {
            return;
        }
        String type = machine.defaultCpuType();
        String suffix = "-" + def.os.type.arch.replace("i686", "i386") + "-cpu";
        String model = type.endsWith("-x86_64-cpu") ? type.substring(0, type.length() - "-x86_64-cpu".length())
                : type.endsWith(suffix) ? type.substring(0, type.length() - suffix.length()) : type;
        if (cpu == null) {
            cpu = new CpuDef();
            def.cpu = cpu;
        }
        cpu.mode = "custom";
        cpu.match = "exact";
        if (cpu.check == null) {
            cpu.check = "none";
        }
        cpu.model = new CpuDef.Model();
        cpu.model.fallback = "forbid";
        cpu.model.name = model;
    }

    /**
     * How a CPU definition is checked against the host when the definition does not say (qemuDomainDefCPUPostParse):
     * not at all for host-passthrough and maximum, partly for host-model, and for a named model partly under KVM
     * and not at all under TCG. A topology counts its clusters, one unless given, as libvirt 10's parser has it.
     */
    private static void cpuCheck(DomainDef def) {
        CpuDef cpu = def.cpu;
        if (cpu == null) {
            return;
        }
        if (cpu.topology != null && cpu.topology.clusters == null) {
            cpu.topology.clusters = "1";
        }
        String mode = cpu.mode == null ? "custom" : cpu.mode;
        if ("host-passthrough".equals(mode) && cpu.migratable == null) {
            cpu.migratable = "on"; // QEMU's own default, written out as libvirt does
        }
        if ("custom".equals(mode) && (cpu.model == null || cpu.model.name == null) || cpu.check != null) {
            return;
        }
        cpu.check = switch (mode) {
            case "host-passthrough", "maximum" -> "none";
            case "host-model" -> "partial";
            default -> "qemu".equals(def.type) ? "none" : "partial";
        };
    }

    /**
     * An i440fx machine's root bus must be a pci-root, its other PCI controllers PCI bridges; a q35's root bus a
     * pcie-root, its root ports added by the driver.
     */
    private static void checkPciControllers(DomainDef def, Devices d) {
        if (isQ35(def.os.type.machine)) {
            for (ControllerDef c : d.controllers) {
                if ("pci".equals(c.type) && c.index() != 0 && !Q35_PCI_MODELS.contains(String.valueOf(c.model))) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "PCI controllers "
                            + "of model '" + c.model + "' on a q35 machine are not supported by jvirt's QEMU driver "
                            + "yet");
                }
                if ("pci".equals(c.type) && c.index() == 0 && !"pcie-root".equals(c.model)) {
                    throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.QEMU,
                            "The PCI controller with index='0' must be model='pcie-root' for this machine type, "
                                    + "but model='" + c.model + "' was found instead");
                }
            }
            return;
        }
        for (ControllerDef c : d.controllers) {
            if ("pci".equals(c.type) && c.index() != 0 && c.model == null) {
                c.model = "pci-bridge";
            }
            if ("pci".equals(c.type) && c.index() != 0 && !"pci-bridge".equals(c.model)
                    && !"pci-expander-bus".equals(c.model)) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "PCI controllers other "
                        + "than the root bus, PCI bridges and expander buses (model '" + c.model + "') are not "
                        + "supported by jvirt's QEMU driver yet");
            }
            if ("pci".equals(c.type) && c.index() == 0 && !"pci-root".equals(c.model)) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.QEMU,
                        "The PCI controller with index='0' must be model='pci-root' for this machine type, but "
                                + "model='" + c.model + "' was found instead");
            }
        }
    }
}
