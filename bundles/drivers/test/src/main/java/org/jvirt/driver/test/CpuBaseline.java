package org.jvirt.driver.test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The baseline of host CPUs, as libvirt 9.0's CPU drivers compute it for virConnectBaselineCPU: the x86 driver
 * intersects the CPUs' feature bits and picks the map's model that describes the result with the fewest listed
 * features (virCPUx86Baseline, x86Decode); the ppc64 driver wants one model; the ARM driver takes the first CPU's.
 */
final class CpuBaseline {
    /** A host CPU as the caller describes it. */
    record HostCpu(String arch, String vendor, String model, List<String> features) {
    }

    /** A guest CPU of the result: model, fallback, vendor and features with their policies, in order. */
    private record Result(String model, boolean forbid, String vendor, Map<String, String> features) {
        String format() {
            StringBuilder b = new StringBuilder("<cpu mode='custom' match='exact'>\n");
            b.append("  <model fallback='").append(forbid ? "forbid" : "allow").append("'>").append(model)
                    .append("</model>\n");
            if (vendor != null) {
                b.append("  <vendor>").append(vendor).append("</vendor>\n");
            }
            features.forEach((name, policy) -> b.append("  <feature policy='").append(policy).append("' name='")
                    .append(name).append("'/>\n"));
            return b.append("</cpu>\n").toString();
        }
    }

    private static final int BASE_PENALTY = 2;

    private CpuBaseline() {
    }

    static String baseline(List<String> xmlCpus, boolean expandFeatures) {
        if (xmlCpus.isEmpty()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.CPU, "no CPUs given");
        }
        List<HostCpu> cpus = new ArrayList<>();
        for (String xml : xmlCpus) {
            cpus.add(parse(xml));
        }
        String arch = cpus.get(0).arch();
        Result r = switch (arch) {
            case "i686", "x86_64" -> x86(cpus, expandFeatures);
            case "ppc64", "ppc64le" -> ppc64(cpus);
            case "armv6l", "armv7l", "armv7b", "aarch64" -> new Result(cpus.get(0).model(), false, null, Map.of());
            case "s390", "s390x" -> throw VirtException.withMessage(ErrorCode.NO_SUPPORT, ErrorDomain.CPU,
                    "this function is not supported by the connection driver: cannot compute baseline CPU of "
                            + arch + " architecture");
            default -> throw VirtException.withMessage(ErrorCode.NO_SUPPORT, ErrorDomain.CPU,
                    "this function is not supported by the connection driver: '" + arch
                            + "' architecture is not supported by CPU driver");
        };
        return r.format();
    }

    // ---- x86

    private static Result x86(List<HostCpu> cpus, boolean expand) {
        X86CpuMap map = X86CpuMap.get();
        Set<String> base = bitsOf(cpus.get(0), map);
        String vendor = null;
        boolean outputVendor = true;
        HostCpu first = cpus.get(0);
        if (first.vendor() == null) {
            outputVendor = false;
        } else if (!map.vendors.contains(first.vendor())) {
            throw failed("Unknown CPU vendor " + first.vendor());
        } else {
            vendor = first.vendor();
        }
        List<String> names = new ArrayList<>();
        names.add(first.model());
        for (HostCpu cpu : cpus.subList(1, cpus.size())) {
            if (!names.contains(cpu.model())) {
                names.add(cpu.model());
            }
            Set<String> bits = bitsOf(cpu, map);
            String modelVendor = map.find(cpu.model()).vendor();
            if (cpu.vendor() != null && modelVendor != null && !cpu.vendor().equals(modelVendor)) {
                throw failed("CPU vendor " + modelVendor + " of model " + cpu.model() + " differs from vendor "
                        + cpu.vendor());
            }
            String vn = cpu.vendor();
            if (vn == null) {
                outputVendor = false;
                vn = modelVendor;
            }
            if (vn != null) {
                if (vendor == null) {
                    if (!map.vendors.contains(vn)) {
                        throw failed("Unknown CPU vendor " + vn);
                    }
                    vendor = vn;
                } else if (!vendor.equals(vn)) {
                    throw failed("CPU vendors do not match");
                }
            }
            base.retainAll(bits);
        }
        if (base.isEmpty()) {
            throw failed("CPUs are incompatible");
        }
        Result r = decode(map, base, vendor, names);
        if (!outputVendor) {
            r = new Result(r.model(), r.forbid(), null, r.features());
        }
        return expand ? expand(map, r) : r;
    }

    /** The CPU's bits: its model's and those of its features (a host CPU's features are all required). */
    private static Set<String> bitsOf(HostCpu cpu, X86CpuMap map) {
        X86CpuMap.Model model = map.find(cpu.model());
        if (model == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU, "Unknown CPU model " + cpu.model());
        }
        Set<String> bits = new HashSet<>(model.bits());
        for (String f : cpu.features()) {
            Set<String> fb = map.features.get(f);
            if (fb == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU, "Unknown CPU feature " + f);
            }
            bits.addAll(fb);
        }
        return bits;
    }

    /** The best model for {@code bits}: newest first; the only named model wins outright; else the fewest features. */
    private static Result decode(X86CpuMap map, Set<String> bits, String vendor, List<String> preferred) {
        Map<String, String> best = null;
        String bestName = null;
        for (int i = map.models.size() - 1; i >= 0; i--) {
            X86CpuMap.Model candidate = map.models.get(i);
            if (vendor != null && candidate.vendor() != null && !vendor.equals(candidate.vendor())) {
                continue;
            }
            Map<String, String> features = describe(map, bits, candidate);
            if (!candidate.decodeGuest()) {
                continue;
            }
            boolean isPreferred = preferred.contains(candidate.name());
            if (isPreferred && preferred.size() == 1) {
                best = features;
                bestName = candidate.name();
                break;
            }
            if (best == null || better(best, features, isPreferred)) {
                best = features;
                bestName = candidate.name();
            }
        }
        if (best == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU,
                    "Cannot find suitable CPU model for given data");
        }
        boolean forbid = preferred.size() == 1 && bestName.equals(preferred.get(0));
        return new Result(bestName, forbid, vendor, best);
    }

    /** The features to require and to disable for {@code model} to give {@code bits} (x86DataToCPU, a guest CPU). */
    private static Map<String, String> describe(X86CpuMap map, Set<String> bits, X86CpuMap.Model model) {
        Set<String> extra = new HashSet<>(bits);
        extra.removeAll(model.bits());
        Set<String> missing = new HashSet<>(model.bits());
        missing.removeAll(bits);
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : map.featuresIn(extra)) {
            out.put(f, "require");
        }
        for (String f : map.featuresIn(missing)) {
            out.put(f, "disable");
        }
        for (String f : model.removed()) {
            out.putIfAbsent(f, "disable");
        }
        return out;
    }

    /** Whether the candidate lists fewer features, a disabled one counting more the more there are. */
    private static boolean better(Map<String, String> current, Map<String, String> candidate, boolean isPreferred) {
        int[] cur = weigh(current);
        int[] cand = weigh(candidate);
        if (cand[0] < cur[0] || (cand[0] == cur[0] && cand[1] < cur[1])) {
            return true;
        }
        return isPreferred && cand[1] < cur[1];
    }

    /** {total, disabled penalty}. */
    private static int[] weigh(Map<String, String> features) {
        int enabled = 0;
        int disabled = 0;
        int penalty = BASE_PENALTY;
        for (String policy : features.values()) {
            if ("disable".equals(policy)) {
                disabled += penalty++;
            } else {
                enabled++;
            }
        }
        return new int[] {enabled + disabled, disabled};
    }

    /** Every feature of the model spelt out, the result's own policies kept, sorted by name (EXPAND_FEATURES). */
    private static Result expand(X86CpuMap map, Result r) {
        X86CpuMap.Model model = map.find(r.model());
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : map.featuresIn(model.bits())) {
            out.put(f, "require");
        }
        out.putAll(r.features());
        for (String f : model.removed()) {
            out.putIfAbsent(f, "disable");
        }
        Map<String, String> sorted = new LinkedHashMap<>();
        out.keySet().stream().sorted(Comparator.naturalOrder()).forEach(k -> sorted.put(k, out.get(k)));
        return new Result(r.model(), r.forbid(), r.vendor(), sorted);
    }

    // ---- ppc64

    private static Result ppc64(List<HostCpu> cpus) {
        String model = cpus.get(0).model();
        if (!CpuModels.names(cpus.get(0).arch()).contains(model)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU, "Unknown CPU model " + model);
        }
        for (HostCpu cpu : cpus) {
            if (!model.equals(cpu.model())) {
                throw failed("CPUs are incompatible");
            }
        }
        return new Result(model, true, null, Map.of());
    }

    private static VirtException failed(String text) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.CPU, text);
    }

    // ---- parsing

    /** A host CPU description (virCPUDefParseXML of a host CPU), with libvirt's complaints. */
    static HostCpu parse(String xml) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            root = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException e) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.CPU, "(CPU_definition): " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CPU, e.toString(), e);
        }
        if (!"cpu".equals(root.getTagName())) {
            throw xml("XML does not contain expected 'cpu' element");
        }
        if (root.hasAttribute("mode")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.CPU,
                    "Attribute mode is only allowed for guest CPU");
        }
        String arch = text(root, "arch");
        if (arch == null) {
            throw xml("Missing CPU architecture");
        }
        if (!CpuModels.ARCHES.contains(arch)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.CPU, "Unknown architecture " + arch);
        }
        String model = text(root, "model");
        if (model == null) {
            throw xml("Missing CPU model name");
        }
        List<String> features = new ArrayList<>();
        for (Element e : CpuModels.children(root, "feature")) {
            String name = e.getAttribute("name");
            if (name.isEmpty()) {
                throw xml("Invalid CPU feature name");
            }
            features.add(name);
        }
        return new HostCpu(arch, text(root, "vendor"), model, features);
    }

    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                String t = e.getTextContent().strip();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }

    private static VirtException xml(String text) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.CPU, text);
    }
}
