package org.jvirt.driver.qemu.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one firmware descriptor with libvirt's rules (qemuFirmwareParse): the members libvirt needs must be there,
 * an unknown interface type, device, flash mode or architecture makes the file unreadable, unknown features are
 * ignored. A file larger than 1 MiB is refused, as libvirt refuses it.
 */
public final class DescriptorParser {
    private static final Logger LOG = LoggerFactory.getLogger(DescriptorParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long MAX_SIZE = 1024 * 1024;
    /** QEMU's architecture names that libvirt calls otherwise (virQEMUCapsArchFromString). */
    private static final Map<String, String> QEMU_ARCHES = Map.of("i386", "i686", "arm", "armv7l");
    /** The architectures libvirt knows (virArch), as far as a QEMU build may target them. */
    private static final Set<String> ARCHES = Set.of("aarch64", "alpha", "armv6l", "armv7b", "armv7l", "cris",
            "i686", "ia64", "lm32", "loongarch64", "m68k", "microblaze", "microblazeel", "mips", "mipsel", "mips64",
            "mips64el", "openrisc", "parisc", "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32",
            "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa",
            "xtensaeb");

    private DescriptorParser() {
    }

    /** Thrown for a descriptor libvirt could not read; the message is libvirt's. */
    public static final class BadDescriptorException extends Exception {
        private static final long serialVersionUID = 1L;

        BadDescriptorException(String message) {
            super(message);
        }
    }

    public static FirmwareDescriptor read(Path path) throws IOException, BadDescriptorException {
        if (Files.size(path) > MAX_SIZE) {
            throw new BadDescriptorException("File '" + path + "' is too large");
        }
        return parse(Files.readString(path), path.toString());
    }

    /** @param where the file's name, for the messages */
    public static FirmwareDescriptor parse(String text, String where) throws BadDescriptorException {
        JsonNode doc;
        try {
            doc = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadDescriptorException("unable to parse json file '" + where + "'");
        }
        if (doc == null || !doc.isObject()) {
            throw new BadDescriptorException("unable to parse json file '" + where + "'");
        }
        List<String> interfaces = interfaces(doc, where);
        FirmwareDescriptor.Mapping mapping = mapping(doc, where);
        List<FirmwareDescriptor.Target> targets = targets(doc, where);
        List<String> features = features(doc, where);
        return new FirmwareDescriptor(interfaces, mapping, targets, features);
    }

    private static List<String> interfaces(JsonNode doc, String where) throws BadDescriptorException {
        JsonNode a = doc.get("interface-types");
        if (a == null || !a.isArray()) {
            throw new BadDescriptorException("failed to get interface-types from '" + where + "'");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : a) {
            String s = item.isTextual() ? item.asText() : null;
            if (s == null || !FirmwareDescriptor.INTERFACES.contains(s)) {
                throw new BadDescriptorException("unknown interface type: '" + (s == null ? item : s) + "'");
            }
            out.add(s);
        }
        return out;
    }

    private static FirmwareDescriptor.Mapping mapping(JsonNode doc, String where) throws BadDescriptorException {
        JsonNode m = doc.get("mapping");
        if (m == null || !m.isObject()) {
            throw new BadDescriptorException("missing mapping in '" + where + "'");
        }
        String device = text(m, "device");
        if (device == null) {
            throw new BadDescriptorException("missing device type in '" + where + "'");
        }
        return switch (device) {
            case "flash" -> flash(m, where);
            case "kernel" -> new FirmwareDescriptor.Kernel(filename(m, where));
            case "memory" -> new FirmwareDescriptor.Memory(filename(m, where));
            default -> throw new BadDescriptorException("unknown device type in '" + where + "'");
        };
    }

    private static FirmwareDescriptor.Flash flash(JsonNode m, String where) throws BadDescriptorException {
        FirmwareDescriptor.FlashMode mode = FirmwareDescriptor.FlashMode.SPLIT;
        JsonNode modeNode = m.get("mode");
        if (modeNode != null) {
            if (!modeNode.isTextual()) {
                throw new BadDescriptorException("Firmware flash mode value was malformed");
            }
            mode = FirmwareDescriptor.FlashMode.of(modeNode.asText());
            if (mode == null) {
                throw new BadDescriptorException("Firmware flash mode value '" + modeNode.asText() + "' unexpected");
            }
        }
        JsonNode executable = m.get("executable");
        if (executable == null) {
            throw new BadDescriptorException("missing 'executable' in '" + where + "'");
        }
        FirmwareDescriptor.FlashFile code = flashFile(executable, where);
        FirmwareDescriptor.FlashFile template = null;
        if (mode == FirmwareDescriptor.FlashMode.SPLIT) {
            JsonNode t = m.get("nvram-template");
            if (t == null) {
                throw new BadDescriptorException("missing 'nvram-template' in '" + where + "'");
            }
            template = flashFile(t, where);
        }
        return new FirmwareDescriptor.Flash(mode, code, template);
    }

    private static FirmwareDescriptor.FlashFile flashFile(JsonNode f, String where) throws BadDescriptorException {
        String filename = filename(f, where);
        String format = text(f, "format");
        if (format == null) {
            throw new BadDescriptorException("missing 'format' in '" + where + "'");
        }
        return new FirmwareDescriptor.FlashFile(filename, format);
    }

    private static String filename(JsonNode n, String where) throws BadDescriptorException {
        String filename = text(n, "filename");
        if (filename == null) {
            throw new BadDescriptorException("missing 'filename' in '" + where + "'");
        }
        return filename;
    }

    private static List<FirmwareDescriptor.Target> targets(JsonNode doc, String where) throws BadDescriptorException {
        JsonNode a = doc.get("targets");
        if (a == null || !a.isArray()) {
            throw new BadDescriptorException("failed to get targets from '" + where + "'");
        }
        List<FirmwareDescriptor.Target> out = new ArrayList<>();
        for (JsonNode item : a) {
            String arch = text(item, "architecture");
            if (arch == null) {
                throw new BadDescriptorException("missing 'architecture' in '" + where + "'");
            }
            String ours = QEMU_ARCHES.getOrDefault(arch, arch);
            if (!ARCHES.contains(ours)) {
                throw new BadDescriptorException("unknown architecture '" + arch + "'");
            }
            JsonNode machines = item.get("machines");
            if (machines == null || !machines.isArray()) {
                throw new BadDescriptorException("missing 'machines' in '" + where + "'");
            }
            List<String> globs = new ArrayList<>();
            machines.forEach(g -> globs.add(g.asText()));
            out.add(new FirmwareDescriptor.Target(ours, globs));
        }
        return out;
    }

    private static List<String> features(JsonNode doc, String where) throws BadDescriptorException {
        JsonNode a = doc.get("features");
        if (a == null || !a.isArray()) {
            throw new BadDescriptorException("failed to get features from '" + where + "'");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : a) {
            String f = item.asText();
            if (FirmwareDescriptor.KNOWN_FEATURES.contains(f)) {
                out.add(f);
            } else {
                LOG.debug("ignoring unknown QEMU firmware feature '{}' in {}", f, where);
            }
        }
        return out;
    }

    private static String text(JsonNode n, String member) {
        JsonNode v = n.get(member);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
