package org.jvirt.driver.qemu.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.Features;
import org.jvirt.conf.domain.OsDef;
import org.jvirt.conf.domain.PmDef;

/**
 * The firmware parts of a domain definition as libvirt's virDomainLoaderDef sees them, read from and written to
 * jvirt's {@code <os>} model: the NVRAM template lives on {@code <nvram template>}, the NVRAM store is the rest of
 * {@code <nvram>}, the features asked of the firmware are {@code <os><firmware><feature>}.
 */
final class DomainFirmware {
    /** The image formats libvirt's QEMU driver can use for a loader and its NVRAM. */
    static final Set<String> FORMATS = Set.of("raw", "qcow2");
    /** The features a domain may ask for, in the order libvirt formats them. */
    static final List<String> FEATURES = List.of("enrolled-keys", "secure-boot");

    private DomainFirmware() {
    }

    static String template(OsDef os) {
        return os.nvram == null ? null : blankToNull(os.nvram.template);
    }

    /** Whether the domain names an NVRAM store (a path, a source or a format), not only a template. */
    static boolean hasNvram(OsDef os) {
        OsDef.Nvram n = os.nvram;
        return n != null && (blankToNull(n.path) != null || n.source != null || n.type != null || n.format != null);
    }

    /** Whether the NVRAM store is on the host (a file or block device), which libvirt can create from a template. */
    static boolean nvramIsLocal(OsDef os) {
        return os.nvram == null || os.nvram.type == null || "file".equals(os.nvram.type)
                || "block".equals(os.nvram.type) || "dir".equals(os.nvram.type);
    }

    /** Whether the NVRAM store's location is given (a path, or a source naming a file, device or volume). */
    static boolean nvramHasPath(OsDef os) {
        OsDef.Nvram n = os.nvram;
        if (n == null) {
            return false;
        }
        if (blankToNull(n.path) != null) {
            return true;
        }
        return n.source != null && (n.source.file != null || n.source.dev != null || n.source.name != null
                || n.source.dir != null || n.source.path != null);
    }

    /** yes or no for a feature the domain asks for or refuses; null when it says nothing. */
    static Boolean featureRequest(OsDef os, String feature) {
        if (os.firmwareElement == null) {
            return null;
        }
        for (OsDef.Firmware.Feature f : os.firmwareElement.features) {
            if (feature.equals(f.name)) {
                return "yes".equals(f.enabled) ? Boolean.TRUE : "no".equals(f.enabled) ? Boolean.FALSE : null;
            }
        }
        return null;
    }

    /** Sets the features as the chosen firmware has them; a null one is left unsaid. */
    static void setFeatures(OsDef os, Boolean enrolledKeys, Boolean secureBoot) {
        List<OsDef.Firmware.Feature> list = new ArrayList<>();
        Boolean[] values = {enrolledKeys, secureBoot};
        for (int i = 0; i < FEATURES.size(); i++) {
            if (values[i] != null) {
                OsDef.Firmware.Feature f = new OsDef.Firmware.Feature();
                f.name = FEATURES.get(i);
                f.enabled = values[i] ? "yes" : "no";
                list.add(f);
            }
        }
        if (list.isEmpty()) {
            os.firmwareElement = null;
            return;
        }
        if (os.firmwareElement == null) {
            os.firmwareElement = new OsDef.Firmware();
        }
        os.firmwareElement.features = list;
    }

    static boolean pmEnabled(PmDef.State s) {
        return s != null && "yes".equals(s.enabled);
    }

    static boolean smmOff(DomainDef def) {
        return def.features != null && def.features.smm != null && "off".equals(def.features.smm.state);
    }

    static void enableSmm(DomainDef def) {
        if (def.features == null) {
            def.features = new Features();
        }
        if (def.features.smm == null) {
            def.features.smm = new Features.Smm();
        }
        def.features.smm.state = "on";
    }

    static OsDef.Loader loader(OsDef os) {
        if (os.loader == null) {
            os.loader = new OsDef.Loader();
        }
        return os.loader;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
