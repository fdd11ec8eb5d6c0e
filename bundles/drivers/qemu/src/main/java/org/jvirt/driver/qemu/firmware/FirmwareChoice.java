package org.jvirt.driver.qemu.firmware;

import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.OsDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the chosen firmware into a definition (qemuFirmwareEnableFeaturesModern): the pflash loader with its
 * image, format and NVRAM template (not for an NVRAM store on the network, which libvirt cannot create), the ROM
 * or the kernel; SMM and a secure loader for a firmware that requires SMM; {@code <os firmware>} when the domain
 * named its loader by hand; and the secure-boot and enrolled-keys features the firmware has.
 */
final class FirmwareChoice {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareChoice.class);

    private FirmwareChoice() {
    }

    static void apply(DomainDef def, FirmwareDescriptor fw, String where) {
        OsDef os = def.os;
        if (fw.mapping() instanceof FirmwareDescriptor.Flash flash) {
            OsDef.Loader loader = DomainFirmware.loader(os);
            loader.type = "pflash";
            loader.readonly = "yes";
            loader.format = flash.executable().format();
            loader.path = flash.executable().filename();
            if (flash.mode() == FirmwareDescriptor.FlashMode.SPLIT) {
                String template = DomainFirmware.nvramIsLocal(os) ? flash.nvramTemplate().filename() : null;
                if (os.nvram == null && template != null) {
                    os.nvram = new OsDef.Nvram();
                }
                if (os.nvram != null) {
                    os.nvram.template = template;
                }
            }
        } else if (fw.mapping() instanceof FirmwareDescriptor.Memory memory) {
            OsDef.Loader loader = DomainFirmware.loader(os);
            loader.type = "rom";
            loader.path = memory.filename();
        } else if (fw.mapping() instanceof FirmwareDescriptor.Kernel kernel) {
            os.kernel = kernel.filename();
        }
        if (fw.has("requires-smm")) {
            DomainFirmware.enableSmm(def);
            if (os.loader != null) {
                os.loader.secure = "yes";
            }
        }
        if (os.firmware == null) {
            // a manual loader that a descriptor knows becomes the first interface libvirt can name
            for (String i : fw.interfaces()) {
                String firmware = "uefi".equals(i) ? "efi" : "bios".equals(i) ? "bios" : null;
                if (firmware != null) {
                    os.firmware = firmware;
                    break;
                }
            }
        }
        if (os.firmware != null) {
            Boolean enrolledKeys = fw.has("enrolled-keys");
            OsDef.Loader loader = os.loader;
            if (loader != null && "pflash".equals(loader.type) && !"yes".equals(loader.stateless)
                    && DomainFirmware.template(os) == null) {
                // an NVRAM store libvirt did not make from a template may hold any keys: say nothing of them
                enrolledKeys = null;
            }
            DomainFirmware.setFeatures(os, enrolledKeys, fw.has("secure-boot"));
        }
        LOG.debug("decided on firmware of '{}' for domain '{}'", where, def.name);
    }
}
