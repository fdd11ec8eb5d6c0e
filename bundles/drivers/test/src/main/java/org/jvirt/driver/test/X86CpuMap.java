package org.jvirt.driver.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.w3c.dom.Element;

/**
 * The x86 part of libvirt's CPU map (cpu_map/index.xml and the files it includes), read for baseline CPUs: each
 * feature as the CPUID and MSR bits it stands for, each model as the bits of its features. A CPU's bits are strings
 * ("cpuid 0x1 0x0 edx 4", "msr 0x10a eax 0"), so that features sharing bits compare as libvirt compares them.
 */
final class X86CpuMap {
    /** A model of the map: its vendor (or null), whether it may describe a guest CPU, its bits, removed features. */
    record Model(String name, String vendor, boolean decodeGuest, Set<String> bits, List<String> removed) {
    }

    final List<String> vendors = new ArrayList<>();
    /** Features in the map's order, which is the order libvirt lists them in. */
    final Map<String, Set<String>> features = new LinkedHashMap<>();
    final List<Model> models = new ArrayList<>();

    /** The map last read and the folder it came from, swapped together. */
    private record Loaded(Path dir, X86CpuMap map) {
    }

    private static volatile Loaded loaded;

    /** The map of the folder {@link CpuModels#folder()} names, read once per folder. */
    static X86CpuMap get() {
        Path dir = CpuModels.folder();
        if (dir == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU,
                    "Unable to find the CPU map: set jvirt.cpumap to the folder of libvirt's cpu_map");
        }
        Loaded last = loaded;
        if (last == null || !dir.equals(last.dir())) {
            last = new Loaded(dir, new X86CpuMap(dir));
            loaded = last;
        }
        return last.map();
    }

    private X86CpuMap(Path dir) {
        Element index = CpuModels.read(dir.resolve("index.xml"));
        for (Element arch : CpuModels.children(index, "arch")) {
            if (!"x86".equals(arch.getAttribute("name"))) {
                continue;
            }
            for (Element include : CpuModels.children(arch, "include")) {
                Element file = CpuModels.read(dir.resolve(include.getAttribute("filename")));
                for (Element v : CpuModels.children(file, "vendor")) {
                    vendors.add(v.getAttribute("name"));
                }
                for (Element f : CpuModels.children(file, "feature")) {
                    features.put(f.getAttribute("name"), bitsOf(f));
                }
                for (Element m : CpuModels.children(file, "model")) {
                    models.add(model(m));
                }
            }
        }
    }

    private Model model(Element m) {
        Set<String> bits = new HashSet<>();
        String vendor = null;
        boolean guest = true;
        List<String> removed = new ArrayList<>();
        for (Element d : CpuModels.children(m, "decode")) {
            guest = "on".equals(d.getAttribute("guest"));
        }
        for (Element a : CpuModels.children(m, "model")) {
            // an ancestor's bits and vendor come first (libvirt 9.0's own map has none)
            Model parent = find(a.getAttribute("name"));
            if (parent != null) {
                bits.addAll(parent.bits());
                vendor = parent.vendor();
            }
        }
        for (Element v : CpuModels.children(m, "vendor")) {
            vendor = v.getAttribute("name");
        }
        for (Element f : CpuModels.children(m, "feature")) {
            String name = f.getAttribute("name");
            if ("yes".equals(f.getAttribute("removed"))) {
                removed.add(name);
            } else if (features.containsKey(name)) {
                bits.addAll(features.get(name));
            }
        }
        return new Model(m.getAttribute("name"), vendor, guest, Set.copyOf(bits), List.copyOf(removed));
    }

    private static Set<String> bitsOf(Element feature) {
        Set<String> bits = new HashSet<>();
        for (Element c : CpuModels.children(feature, "cpuid")) {
            String leaf = "cpuid " + number(c.getAttribute("eax_in")) + " " + number(c.getAttribute("ecx_in"));
            for (String reg : List.of("eax", "ebx", "ecx", "edx")) {
                addBits(bits, leaf + " " + reg, number(c.getAttribute(reg)));
            }
        }
        for (Element c : CpuModels.children(feature, "msr")) {
            String leaf = "msr " + number(c.getAttribute("index"));
            addBits(bits, leaf + " eax", number(c.getAttribute("eax")));
            addBits(bits, leaf + " edx", number(c.getAttribute("edx")));
        }
        return Set.copyOf(bits);
    }

    private static void addBits(Set<String> bits, String register, long value) {
        for (int i = 0; i < 32; i++) {
            if ((value >> i & 1) != 0) {
                bits.add(register + " " + i);
            }
        }
    }

    private static long number(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    }

    Model find(String name) {
        for (Model m : models) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** The names of the features wholly inside {@code bits}, in map order, each taking its bits away. */
    List<String> featuresIn(Set<String> bits) {
        Set<String> left = new HashSet<>(bits);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> f : features.entrySet()) {
            if (!f.getValue().isEmpty() && left.containsAll(f.getValue())) {
                left.removeAll(f.getValue());
                out.add(f.getKey());
            }
        }
        return out;
    }
}
