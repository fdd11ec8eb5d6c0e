package org.jvirt.driver.qemu.firmware;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.OsDef;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A domain's firmware on QEMU's command line, as libvirt puts it there: a pflash loader and its NVRAM store as
 * {@code -blockdev} nodes named to the machine's {@code pflash0}/{@code pflash1} properties (a raw store without a
 * format layer, as libvirt does), the secure flag of the flash devices, and a ROM as {@code -bios}.
 *
 * @param blockdevs      the {@code -blockdev} options, before {@code -machine}
 * @param machineOptions what {@code -machine} gets (",pflash0=…,pflash1=…"), or ""
 * @param globals        the {@code -global} options right after {@code -machine}
 * @param bios           {@code -bios} and its image, after {@code -cpu}
 */
public record FirmwareArgs(List<String> blockdevs, String machineOptions, List<String> globals, List<String> bios) {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final String CODE = "libvirt-pflash0";
    private static final String VARS = "libvirt-pflash1";

    public static FirmwareArgs of(DomainDef def) {
        OsDef.Loader loader = def.os == null ? null : def.os.loader;
        if (loader == null || loader.path == null || loader.path.isBlank()) {
            return new FirmwareArgs(List.of(), "", List.of(), List.of());
        }
        if (!"pflash".equals(loader.type)) {
            return new FirmwareArgs(List.of(), "", List.of(), List.of("-bios", loader.path));
        }
        List<String> blockdevs = new ArrayList<>();
        String format = loader.format == null ? "raw" : loader.format;
        blockdevs(blockdevs, file(CODE, loader.path).put("auto-read-only", true).put("discard", "unmap"),
                format(CODE, "yes".equals(loader.readonly), format));
        StringBuilder machine = new StringBuilder(",pflash0=" + CODE + "-format");
        OsDef.Nvram nvram = def.os.nvram;
        boolean hasStore = nvram != null && (DomainFirmware.blankToNull(nvram.path) != null || nvram.source != null);
        if (!"yes".equals(loader.stateless) && hasStore) {
            String path = DomainFirmware.blankToNull(nvram.path) != null ? nvram.path : nvram.source.file;
            if (nvram.type != null && !"file".equals(nvram.type) || path == null) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "<nvram type='"
                        + nvram.type + "'> not supported by jvirt's QEMU driver yet");
            }
            String varsFormat = nvram.format == null ? "raw" : nvram.format;
            if ("raw".equals(varsFormat)) {
                blockdevs(blockdevs, file(VARS, path).put("read-only", false));
                machine.append(",pflash1=" + VARS + "-storage");
            } else {
                blockdevs(blockdevs, file(VARS, path).put("auto-read-only", true).put("discard", "unmap"),
                        format(VARS, false, varsFormat));
                machine.append(",pflash1=" + VARS + "-format");
            }
        }
        List<String> globals = "yes".equals(loader.secure)
                ? List.of("-global", "driver=cfi.pflash01,property=secure,value=on") : List.of();
        return new FirmwareArgs(blockdevs, machine.toString(), globals, List.of());
    }

    /** A file node; the caller adds the options libvirt gives that node. */
    private static ObjectNode file(String node, String path) {
        return J.objectNode().put("driver", "file").put("filename", path).put("node-name", node + "-storage");
    }

    private static ObjectNode format(String node, boolean readOnly, String driver) {
        return J.objectNode().put("node-name", node + "-format").put("read-only", readOnly).put("driver", driver)
                .put("file", node + "-storage");
    }

    private static void blockdevs(List<String> out, ObjectNode... nodes) {
        for (ObjectNode n : nodes) {
            out.add("-blockdev");
            out.add(n.toString());
        }
    }
}
