package org.jvirt.driver.qemu.firmware;

import java.util.regex.Pattern;

import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.OsDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a firmware descriptor satisfies what a domain asks (qemuFirmwareMatchDomain): the interface (from
 * {@code <os firmware>} or the loader's type), the paths the domain already names, the architecture and machine,
 * the power states, the features asked for or refused, SMM and the loader's secure flag, the flash mode and image
 * formats, and AMD SEV. Each refusal is logged at debug with the descriptor's file, as libvirt does.
 */
final class FirmwareMatch {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareMatch.class);
    /** The SEV policy bit that asks for SEV-ES. */
    private static final long SEV_ES_POLICY = 1 << 2;

    private FirmwareMatch() {
    }

    static boolean matches(DomainDef def, FirmwareDescriptor fw, String where) {
        OsDef os = def.os;
        OsDef.Loader loader = os.loader;
        String want = wantedInterface(os);
        if (want == null || !fw.interfaces().contains(want)) {
            LOG.debug("No matching interface in '{}'", where);
            return false;
        }
        if (!pathsMatch(fw, os)) {
            LOG.debug("No matching path in '{}'", where);
            return false;
        }
        if (!machineMatches(fw, os.type.arch, os.type.machine)) {
            LOG.debug("No matching machine type in '{}'", where);
            return false;
        }
        if (DomainFirmware.pmEnabled(def.pm == null ? null : def.pm.suspendToMem) && !fw.has("acpi-s3")) {
            LOG.debug("Domain requires S3, firmware '{}' doesn't support it", where);
            return false;
        }
        if (DomainFirmware.pmEnabled(def.pm == null ? null : def.pm.suspendToDisk) && !fw.has("acpi-s4")) {
            LOG.debug("Domain requires S4, firmware '{}' doesn't support it", where);
            return false;
        }
        if (!featureRequestMet(os, "secure-boot", fw) || !featureRequestMet(os, "enrolled-keys", fw)) {
            LOG.debug("Firmware '{}' does not have the features the domain asks for or refuses", where);
            return false;
        }
        String secure = loader == null ? null : loader.secure;
        if (fw.has("requires-smm")) {
            if (DomainFirmware.smmOff(def)) {
                LOG.debug("Domain explicitly disables SMM, but firmware '{}' requires it to be enabled", where);
                return false;
            }
            if ("no".equals(secure)) {
                LOG.debug("Domain doesn't restrict pflash programming to SMM, but firmware '{}' requires use of SMM",
                        where);
                return false;
            }
        } else if ("yes".equals(secure)) {
            LOG.debug("Domain restricts pflash programming to SMM, but firmware '{}' doesn't support SMM", where);
            return false;
        }
        if (fw.mapping() instanceof FirmwareDescriptor.Flash flash && !flashMatches(os, flash, where)) {
            return false;
        }
        if (def.launchSecurity != null && "sev".equals(def.launchSecurity.type)) {
            if (!fw.has("amd-sev")) {
                LOG.debug("Domain requires SEV, firmware '{}' doesn't support it", where);
                return false;
            }
            if ((policy(def.launchSecurity.policy) & SEV_ES_POLICY) != 0 && !fw.has("amd-sev-es")) {
                LOG.debug("Domain requires SEV-ES, firmware '{}' doesn't support it", where);
                return false;
            }
        }
        LOG.debug("Firmware '{}' matches domain requirements", where);
        return true;
    }

    /** The descriptor interface a domain asks for: from {@code <os firmware>}, else from the loader's type. */
    static String wantedInterface(OsDef os) {
        if ("efi".equals(os.firmware)) {
            return "uefi";
        }
        if ("bios".equals(os.firmware)) {
            return "bios";
        }
        if (os.firmware == null && os.loader != null && os.loader.type != null) {
            return switch (os.loader.type) {
                case "rom" -> "bios";
                case "pflash" -> "uefi";
                default -> null;
            };
        }
        return null;
    }

    private static boolean pathsMatch(FirmwareDescriptor fw, OsDef os) {
        String loaderPath = os.loader == null ? null : os.loader.path;
        String template = DomainFirmware.template(os);
        if (fw.mapping() instanceof FirmwareDescriptor.Flash f) {
            return (loaderPath == null || loaderPath.equals(f.executable().filename()))
                    && (template == null || f.mode() == FirmwareDescriptor.FlashMode.SPLIT
                            && template.equals(f.nvramTemplate().filename()));
        }
        if (fw.mapping() instanceof FirmwareDescriptor.Memory m) {
            return loaderPath == null || loaderPath.equals(m.filename());
        }
        FirmwareDescriptor.Kernel k = (FirmwareDescriptor.Kernel) fw.mapping();
        return os.kernel == null || os.kernel.equals(k.filename());
    }

    static boolean machineMatches(FirmwareDescriptor fw, String arch, String machine) {
        for (FirmwareDescriptor.Target t : fw.targets()) {
            if (!t.arch().equals(arch)) {
                continue;
            }
            for (String glob : t.machines()) {
                if (machine != null && globMatches(glob, machine)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** GLib's simple patterns: {@code *} any run of characters, {@code ?} one character. */
    static boolean globMatches(String glob, String s) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(s).matches();
    }

    /** A feature the domain asks for must be there, one it refuses must not be. */
    private static boolean featureRequestMet(OsDef os, String feature, FirmwareDescriptor fw) {
        Boolean asked = DomainFirmware.featureRequest(os, feature);
        return asked == null || asked == fw.has(feature);
    }

    private static boolean flashMatches(OsDef os, FirmwareDescriptor.Flash flash, String where) {
        OsDef.Loader loader = os.loader;
        if (loader != null && "yes".equals(loader.stateless)) {
            if (flash.mode() != FirmwareDescriptor.FlashMode.STATELESS) {
                LOG.debug("Discarding loader without stateless flash in '{}'", where);
                return false;
            }
        } else if (flash.mode() != FirmwareDescriptor.FlashMode.SPLIT) {
            LOG.debug("Discarding loader without split flash in '{}'", where);
            return false;
        }
        if (loader != null && "no".equals(loader.readonly) && flash.mode() != FirmwareDescriptor.FlashMode.COMBINED) {
            LOG.debug("Discarding readonly loader in '{}'", where);
            return false;
        }
        String code = flash.executable().format();
        if (!DomainFirmware.FORMATS.contains(code)) {
            LOG.debug("Discarding loader with unsupported flash format '{}' in '{}'", code, where);
            return false;
        }
        if (loader != null && loader.format != null && !loader.format.equals(code)) {
            LOG.debug("Discarding loader with mismatching flash format '{}' != '{}' in '{}'", code, loader.format,
                    where);
            return false;
        }
        if (flash.mode() == FirmwareDescriptor.FlashMode.SPLIT) {
            String vars = flash.nvramTemplate().format();
            if (!DomainFirmware.FORMATS.contains(vars)) {
                LOG.debug("Discarding loader with unsupported nvram template format '{}' in '{}'", vars, where);
                return false;
            }
            String nvramFormat = os.nvram == null ? null : os.nvram.format;
            if (nvramFormat != null && !nvramFormat.equals(vars)) {
                LOG.debug("Discarding loader with mismatching nvram template format '{}' != '{}' in '{}'", vars,
                        nvramFormat, where);
                return false;
            }
        }
        return true;
    }

    private static long policy(String s) {
        if (s == null) {
            return 0;
        }
        try {
            String t = s.strip();
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
