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
}
