package org.jvirt.driver.qemu.firmware;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.OsDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's firmware selection at define time (qemuDomainDefBootPostParse and qemuFirmwareFillDomain): with
 * {@code <os firmware='efi'>} the first descriptor (by priority) that satisfies the domain is chosen and its loader,
 * NVRAM template, SMM and features are written into the definition; with a manual {@code <loader type='pflash'>}
 * a descriptor naming the same image completes it the same way. Either way a read-only pflash loader that keeps
 * state gets its per-domain NVRAM path, {@code NVRAM_DIR/NAME_VARS.fd} ({@code .qcow2} for a qcow2 store).
 *
 * @param searchPath where the descriptors are read
 * @param nvramDir   where the per-domain NVRAM stores go (libvirt's /var/lib/libvirt/qemu/nvram)
 */
public record FirmwareSelection(FirmwareSearchPath searchPath, Path nvramDir) {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareSelection.class);
    /** Folders to read descriptors from instead of QEMU's standard ones, lowest precedence first. */
    public static final String SEARCH_PATH_PROPERTY = "jvirt.qemu.firmware.path";
    /** The folder for the per-domain NVRAM stores, instead of {@code jvirt.home}/data/lib/qemu/nvram. */
    public static final String NVRAM_DIR_PROPERTY = "jvirt.qemu.nvram.dir";

    /**
     * The selection a driver whose state lives under {@code home} uses: the folders of
     * {@value #SEARCH_PATH_PROPERTY} if set (separated by the platform's path separator), else QEMU's standard
     * ones; NVRAM stores in {@value #NVRAM_DIR_PROPERTY} if set, else under {@code home}.
     */
    public static FirmwareSelection forHome(Path home) {
        String folders = System.getProperty(SEARCH_PATH_PROPERTY);
        FirmwareSearchPath path;
        if (folders != null && !folders.isBlank()) {
            List<Path> list = new ArrayList<>();
            for (String f : folders.split(File.pathSeparator)) {
                if (!f.isBlank()) {
                    list.add(Path.of(f.strip()));
                }
            }
            path = new FirmwareSearchPath(list);
        } else {
            path = FirmwareSearchPath.standard("root".equals(System.getProperty("user.name")), System.getenv(),
                    System.getProperty("user.home"));
        }
        String nvram = System.getProperty(NVRAM_DIR_PROPERTY);
        return new FirmwareSelection(path, nvram != null && !nvram.isBlank() ? Path.of(nvram)
                : home.resolve("data/lib/qemu/nvram"));
    }

    /**
     * Completes the firmware of a new definition. A definition that asks for what no descriptor offers, or that
     * contradicts itself, fails with libvirt's error when {@code abiUpdate} (define, create); otherwise (a
     * definition loaded again) it is kept as written, as libvirt keeps it so that the domain does not vanish.
     */
    public void complete(DomainDef def, boolean abiUpdate) {
        if (def.os == null || def.os.type == null) {
            return;
        }
        OsDef os = def.os;
        if (os.loader != null && DomainFirmware.blankToNull(os.loader.path) == null) {
            // <loader secure='no'/> names no image: it is not a ROM, whatever the generic parse assumed
            os.loader.path = null;
            if ("rom".equals(os.loader.type)) {
                os.loader.type = null;
            }
        }
        if (!abiUpdate && os.firmware != null) {
            // a definition loaded again keeps the raw image it always had, unless its NVRAM says otherwise
            OsDef.Loader loader = DomainFirmware.loader(os);
            if (loader.format == null) {
                loader.format = os.nvram != null && os.nvram.format != null ? os.nvram.format : "raw";
            }
        }
        try {
            fill(def, abiUpdate);
        } catch (VirtException e) {
            if (abiUpdate) {
                throw e;
            }
            LOG.debug("firmware selection for domain '{}' left for its start: {}", def.name, e.getMessage());
        } finally {
            tidy(os);
        }
        if (abiUpdate) {
            FirmwareValidation.checkForQemu(def);
        }
    }

    private void fill(DomainDef def, boolean abiUpdate) {
        OsDef os = def.os;
        OsDef.Loader loader = os.loader;
        FirmwareValidation.check(def);
        if (loader != null && loader.format != null && !DomainFirmware.FORMATS.contains(loader.format)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Unsupported loader format '" + loader.format + "'");
        }
        if (os.nvram != null && os.nvram.format != null && !DomainFirmware.FORMATS.contains(os.nvram.format)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Unsupported nvram format '" + os.nvram.format + "'");
        }
        boolean auto = os.firmware != null;
        if (!auto && (loader == null || "rom".equals(loader.type))) {
            return;
        }
        FirmwareSearchPath.Found chosen = null;
        for (FirmwareSearchPath.Found f : searchPath.load()) {
            if (FirmwareMatch.matches(def, f.descriptor(), f.path().toString())) {
                chosen = f;
                break;
            }
        }
        if (chosen != null) {
            LOG.debug("domain '{}': firmware of {} chosen", def.name, chosen.path());
            warnIfInconsistent(chosen);
            FirmwareChoice.apply(def, chosen.descriptor(), chosen.path().toString());
        } else if (auto) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "Unable to find '"
                    + os.firmware + "' firmware that is compatible with the current configuration");
        } else if (loader.format == null) {
            // a firmware no descriptor knows: a custom build, raw unless the domain says otherwise
            loader.format = "raw";
        }
        ensureNvram(def, abiUpdate);
    }

    /**
     * A descriptor whose secure boot does not go with SMM, or with enrolled keys but no secure boot, is likely a
     * packaging mistake: the domain still gets it, as in libvirt, but the host's administrator hears of it.
     */
    private static void warnIfInconsistent(FirmwareSearchPath.Found f) {
        FirmwareDescriptor d = f.descriptor();
        boolean smm = d.has("requires-smm");
        boolean secureBoot = d.has("secure-boot");
        boolean keys = d.has("enrolled-keys");
        if (smm != secureBoot || keys && !secureBoot) {
            LOG.warn("firmware descriptor {} has features that do not go together: requires-smm {}, secure-boot {},"
                    + " enrolled-keys {}", f.path(), smm, secureBoot, keys);
        }
    }

    /** The per-domain NVRAM store of a read-only pflash loader that keeps state (qemuFirmwareEnsureNVRAM). */
    private void ensureNvram(DomainDef def, boolean abiUpdate) {
        OsDef os = def.os;
        OsDef.Loader loader = os.loader;
        if (loader == null || !"pflash".equals(loader.type) || !"yes".equals(loader.readonly)
                || "yes".equals(loader.stateless)) {
            return;
        }
        if (DomainFirmware.hasNvram(os) && os.nvram.format == null) {
            os.nvram.format = loader.format;
        }
        if (DomainFirmware.nvramHasPath(os)) {
            return;
        }
        String template = DomainFirmware.template(os);
        OsDef.Nvram nvram = new OsDef.Nvram();
        nvram.template = template;
        nvram.format = loader.format;
        String ext = "";
        if ("raw".equals(loader.format)) {
            // a new domain follows a .raw template's extension; a loaded one keeps the historical .fd
            ext = abiUpdate && template != null && template.endsWith(".raw") ? ".raw" : ".fd";
        } else if ("qcow2".equals(loader.format)) {
            ext = ".qcow2";
        }
        nvram.path = nvramDir.resolve(def.name + "_VARS" + ext).toString();
        os.nvram = nvram;
    }

    /** What libvirt does not write: raw formats, and a loader or NVRAM element left with nothing in it. */
    private static void tidy(OsDef os) {
        OsDef.Loader l = os.loader;
        if (l != null) {
            if ("raw".equals(l.format)) {
                l.format = null;
            }
            if (l.path == null && l.readonly == null && l.secure == null && l.stateless == null && l.type == null
                    && l.format == null) {
                os.loader = null;
            }
        }
        OsDef.Nvram n = os.nvram;
        if (n != null) {
            if ("raw".equals(n.format)) {
                n.format = null;
            }
            if (DomainFirmware.blankToNull(n.path) == null && n.template == null && n.type == null
                    && n.format == null && n.source == null) {
                os.nvram = null;
            }
        }
    }
}
