package org.jvirt.driver.qemu.firmware;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.OsDef;

/**
 * The checks of a domain's firmware request that libvirt makes before selecting (virDomainDefOSValidate), so
 * that selection only sees requests that make sense: enrolled keys need secure boot, only EFI keeps NVRAM, a
 * stateless loader has none, a manual loader names its image.
 */
final class FirmwareValidation {
    private FirmwareValidation() {
    }

    static void check(DomainDef def) {
        OsDef os = def.os;
        OsDef.Loader loader = os.loader;
        if (os.firmware != null) {
            if (Boolean.TRUE.equals(DomainFirmware.featureRequest(os, "enrolled-keys"))
                    && Boolean.FALSE.equals(DomainFirmware.featureRequest(os, "secure-boot"))) {
                throw detail("firmware feature 'enrolled-keys' cannot be enabled when firmware feature "
                        + "'secure-boot' is disabled");
            }
            if (loader == null && !DomainFirmware.hasNvram(os) && DomainFirmware.template(os) == null) {
                return;
            }
            if (DomainFirmware.hasNvram(os) && !"efi".equals(os.firmware)) {
                throw detail("firmware type '" + os.firmware + "' does not support nvram");
            }
        } else {
            // features beside a manual loader narrow the descriptors that may complete it (libvirt 10.7's corpus:
            // firmware-manual-efi-features), they are not refused
            if (loader == null && os.nvram == null) {
                return;
            }
            if (loader == null || loader.path == null) {
                throw detail("no loader path specified and firmware auto selection disabled");
            }
        }
        String stateless = loader == null ? null : loader.stateless;
        if ("yes".equals(stateless)) {
            if (DomainFirmware.template(os) != null) {
                throw detail("NVRAM template is not permitted when loader is stateless");
            }
            if (DomainFirmware.hasNvram(os)) {
                throw detail("NVRAM is not permitted when loader is stateless");
            }
        } else if ("no".equals(stateless)) {
            if (os.firmware == null) {
                if (!"pflash".equals(loader.type)) {
                    throw detail("Only pflash loader type permits NVRAM");
                }
            } else if (!"efi".equals(os.firmware)) {
                throw detail("Only EFI firmware permits NVRAM");
            }
        }
    }

    private static VirtException detail(String message) {
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, message);
    }

    /**
     * What QEMU needs of a UEFI guest (qemuValidateDomainDef), checked for a new definition: ACPI on x86, and for a
     * secure loader a q35 machine, x86_64, and SMM unless selection turns it on.
     */
    static void checkForQemu(DomainDef def) {
        OsDef os = def.os;
        String arch = os.type.arch;
        boolean x86 = "x86_64".equals(arch) || "i686".equals(arch);
        boolean uefi = "efi".equals(os.firmware) || os.loader != null && "pflash".equals(os.loader.type);
        if (uefi && x86 && (def.features == null || def.features.acpi == null)) {
            throw unsupported("UEFI requires ACPI on this architecture");
        }
        if (os.loader != null && "yes".equals(os.loader.secure)) {
            String machine = os.type.machine == null ? "" : os.type.machine;
            if (!machine.equals("q35") && !machine.startsWith("pc-q35-")) {
                throw unsupported("Secure boot is supported with q35 machine types only");
            }
            if (!"x86_64".equals(arch)) {
                throw unsupported("Secure boot is supported for x86_64 architecture only");
            }
            boolean smmOn = def.features != null && def.features.smm != null && !"off".equals(def.features.smm.state);
            if (os.firmware == null && !smmOn) {
                throw unsupported("Secure boot requires SMM feature enabled");
            }
        }
    }

    private static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, message);
    }
}
