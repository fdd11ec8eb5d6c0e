package org.jvirt.driver.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The CPU model names libvirt 9.0's CPU drivers list for an architecture (virCPUGetModels): the x86 and ppc64 models
 * of libvirt's CPU map, none for ARM and s390 (whose drivers accept any model). The map is libvirt's own data and is
 * not shipped with jvirt: it is read from the folder the system property {@code jvirt.cpumap} names, else from
 * {@code $jvirt.home/share/cpu_map}.
 */
final class CpuModels {
    /** libvirt 9.0's architecture names (virArch), less "none". */
    static final Set<String> ARCHES = Set.of("alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686",
            "ia64", "lm32", "m68k", "microblaze", "microblazeel", "mips", "mipsel", "mips64", "mips64el", "openrisc",
            "parisc", "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390", "s390x",
            "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa", "xtensaeb");

    private CpuModels() {
    }

    static List<String> names(String arch) {
        if (arch == null || !ARCHES.contains(arch)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "cannot find architecture " + arch);
        }
        String mapArch = switch (arch) {
            case "i686", "x86_64" -> "x86";
            case "ppc64", "ppc64le" -> "ppc64";
            case "armv6l", "armv7l", "armv7b", "aarch64", "s390", "s390x" -> null;
            default -> throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.CPU, "'" + arch
                    + "' architecture is not supported by CPU driver");
        };
        return mapArch == null ? List.of() : fromMap(mapArch);
    }

    /** The folder of libvirt's CPU map, or null. */
    static Path folder() {
        String dir = System.getProperty("jvirt.cpumap");
        if (dir == null) {
            String home = System.getProperty("jvirt.home");
            dir = home == null ? null : Path.of(home, "share", "cpu_map").toString();
        }
        return dir == null || !Files.isRegularFile(Path.of(dir, "index.xml")) ? null : Path.of(dir);
    }

    /** The models of the files index.xml includes for {@code mapArch}, in the map's order. */
    private static List<String> fromMap(String mapArch) {
        Path dir = folder();
        if (dir == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU,
                    "Unable to find the CPU map: set jvirt.cpumap to the folder of libvirt's cpu_map");
        }
        List<String> out = new ArrayList<>();
        Element index = read(dir.resolve("index.xml"));
        for (Element arch : children(index, "arch")) {
            if (!mapArch.equals(arch.getAttribute("name"))) {
                continue;
            }
            for (Element include : children(arch, "include")) {
                for (Element model : children(read(dir.resolve(include.getAttribute("filename"))), "model")) {
                    out.add(model.getAttribute("name"));
                }
            }
        }
        return out;
    }

    static Element read(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU, "cannot read the CPU map file '"
                    + file + "': " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }
}
