package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.DomainMessageType;
import org.jvirt.conf.domain.CpuDef;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.NetDef;

/**
 * Why a domain's configuration is tainted, in libvirt's order (virDomainTaintFlags) with its message texts. The
 * test driver checks the domains of a node file when it loads them, as libvirt's does; domains defined later are
 * not checked.
 */
enum Taint {
    CUSTOM_ARGV("custom configuration parameters specified"),
    CUSTOM_MONITOR("custom monitor control commands issued"),
    HIGH_PRIVILEGES("running with undesirable elevated privileges"),
    SHELL_SCRIPTS("network configuration using opaque shell scripts"),
    DISK_PROBING("potentially unsafe disk format probing"),
    EXTERNAL_LAUNCH("managing externally launched configuration"),
    HOST_CPU("potentially unsafe use of host CPU passthrough"),
    HOOK_SCRIPT("configuration potentially modified by hook script"),
    CDROM_PASSTHROUGH("use of host cdrom passthrough"),
    CUSTOM_DTB("custom device tree blob used"),
    CUSTOM_GA_COMMAND("custom guest agent control commands issued"),
    CUSTOM_HYPERVISOR_FEATURE("hypervisor feature autodetection override"),
    DEPRECATED_CONFIG("use of deprecated configuration settings"),
    CUSTOM_DEVICE("custom device configuration");

    /** The CPU model libvirt's test driver treats as deprecated. */
    static final String DEPRECATED_TEST_CPU = "Deprecated-Test";

    final String message;

    Taint(String message) {
        this.message = message;
    }

    /** Marks what the domain's definition taints (libvirt's testDomainObjCheckTaint). */
    static void check(TestDomainObj obj) {
        DomainDef def = obj.def;
        for (DiskDef disk : def.devices().disks) {
            if ("yes".equals(disk.rawio)) {
                obj.taints.add(HIGH_PRIVILEGES);
            }
            if ("cdrom".equals(disk.device) && "block".equals(disk.type) && disk.source != null
                    && disk.source.dev != null) {
                obj.taints.add(CDROM_PASSTHROUGH);
            }
        }
        for (NetDef net : def.devices().interfaces) {
            if (net.script != null) {
                obj.taints.add(SHELL_SCRIPTS);
            }
        }
        CpuDef cpu = def.cpu;
        if (cpu != null && (cpu.mode == null || "custom".equals(cpu.mode)) && cpu.model != null
                && DEPRECATED_TEST_CPU.equals(cpu.model.name)) {
            obj.taints.add(DEPRECATED_CONFIG);
            obj.deprecations.add("CPU model " + DEPRECATED_TEST_CPU);
        }
        if (def.os != null && def.os.dtb != null) {
            obj.taints.add(CUSTOM_DTB);
        }
    }

    /** libvirt's virDomainObjGetMessages: taints first, in their order, then deprecations. */
    static List<String> messages(TestDomainObj obj, Set<DomainMessageType> flags) {
        List<String> out = new ArrayList<>();
        if (flags.isEmpty() || flags.contains(DomainMessageType.TAINTING)) {
            for (Taint t : obj.taints) {
                out.add("tainted: " + t.message);
            }
        }
        if (flags.isEmpty() || flags.contains(DomainMessageType.DEPRECATION)) {
            for (String d : obj.deprecations) {
                out.add("deprecated configuration: " + d);
            }
        }
        return out;
    }
}
