package org.jvirt.driver.qemu.command;

import java.util.Map;

/**
 * libvirt's x86 CPU feature names that QEMU spells otherwise (virQEMUCapsCPUFeaturesX86); every other name is the
 * same in both.
 */
final class CpuFeatureNames {
    private static final Map<String, String> TO_QEMU = Map.ofEntries(
            Map.entry("cmp_legacy", "cmp-legacy"), Map.entry("ds_cpl", "ds-cpl"), Map.entry("fxsr_opt", "fxsr-opt"),
            Map.entry("kvm_pv_eoi", "kvm-pv-eoi"), Map.entry("kvm_pv_unhalt", "kvm-pv-unhalt"),
            Map.entry("lahf_lm", "lahf-lm"), Map.entry("nodeid_msr", "nodeid-msr"),
            Map.entry("pclmuldq", "pclmulqdq"), Map.entry("perfctr_core", "perfctr-core"),
            Map.entry("perfctr_nb", "perfctr-nb"), Map.entry("tsc_adjust", "tsc-adjust"));

    private CpuFeatureNames() {
    }

    static String toQemu(String libvirt) {
        return TO_QEMU.getOrDefault(libvirt, libvirt);
    }
}
