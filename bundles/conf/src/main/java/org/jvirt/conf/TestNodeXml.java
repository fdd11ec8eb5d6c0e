package org.jvirt.conf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.internal.GuardedXmlReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The test driver's {@code <node>} documents (libvirt's testOpenParse): node CPU and memory values, domains,
 * networks, host interfaces, storage pools with their volumes, node devices and auth users, each inline or in a
 * file named by {@code file=} relative to the node file. Objects other than domains are kept as DOM elements for
 * the drivers that will serve them.
 */
public final class TestNodeXml {

    /** One {@code <domain>} of a node file with the test namespace's state. */
    public record NodeDomain(DomainDef def, int runstate, boolean transientDomain, boolean hasManagedSave) {
    }

    /** A {@code <pool>} and its {@code <volume>} elements. */
    public record NodePool(Element pool, List<Element> volumes) {
    }

    /** A user of {@code <auth>}: name and optional password. */
    public record AuthUser(String name, String password) {
    }

    /** The {@code <cpu>} and {@code <memory>} values a node file gives; null where it gives none. */
    public record NodeCpu(Long nodes, Long sockets, Long cores, Long threads, Long active, Long mhz, String model,
            Long memory) {
    }

    /** A whole node file. */
    public record TestNode(NodeCpu cpu, List<NodeDomain> domains, List<Element> networks, List<Element> interfaces,
            List<NodePool> pools, List<Element> devices, List<AuthUser> users) {
    }

    /** The largest node file read (the document itself is further bounded by the guarded reader). */
    private static final long MAX_FILE = GuardedXmlReader.MAX_CHARS * 4L;

    private TestNodeXml() {
    }

    /** Reads a node file; a missing or unreadable file fails as libvirt: "failed to parse xml document 'F'". */
    public static TestNode read(Path file, DomainParseOptions options) {
        Document doc = readDoc(file);
        return parse(doc.getDocumentElement(), file, options);
    }

    /** Parses a node document given as text; {@code relativeTo} resolves {@code file=} (may be null). */
    public static TestNode parse(String xml, String docName, Path relativeTo, DomainParseOptions options) {
        return parse(GuardedXmlReader.parse(xml, docName).getDocumentElement(), relativeTo, options);
    }

    private static Document readDoc(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new IOException("too large");
            }
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof VirtException v) {
                throw v;
            }
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                    "failed to parse xml document '" + file + "'", e);
        }
        return GuardedXmlReader.parse(text, file.toString());
    }

    private static TestNode parse(Element root, Path nodeFile, DomainParseOptions options) {
        if (!"node".equals(root.getLocalName())) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of 'node', not '" + root.getLocalName() + "'");
        }
        NodeCpu cpu = nodeCpu(root);
        List<NodeDomain> domains = new ArrayList<>();
        for (Element e : children(root, "domain")) {
            Element d = resolve(e, nodeFile, "domain");
            DomainDef def = DomainXml.parseElement(d, options);
            domains.add(testState(def));
        }
        List<Element> networks = new ArrayList<>();
        for (Element e : children(root, "network")) {
            networks.add(resolve(e, nodeFile, "network"));
        }
        List<Element> interfaces = new ArrayList<>();
        for (Element e : children(root, "interface")) {
            interfaces.add(resolve(e, nodeFile, "interface"));
        }
        List<NodePool> pools = new ArrayList<>();
        for (Element e : children(root, "pool")) {
            // as libvirt, the volumes are those of the pool element after its file replaced it
            Element p = resolve(e, nodeFile, "pool");
            List<Element> vols = new ArrayList<>();
            for (Element v : children(p, "volume")) {
                vols.add(resolve(v, nodeFile, "volume"));
            }
            pools.add(new NodePool(p, vols));
        }
        List<Element> devices = new ArrayList<>();
        for (Element e : children(root, "device")) {
            devices.add(resolve(e, nodeFile, "device"));
        }
        List<AuthUser> users = new ArrayList<>();
        for (Element auth : children(root, "auth")) {
            for (Element u : children(auth, "user")) {
                String name = u.getTextContent();
                if (name == null || name.isEmpty()) {
                    throw xmlError("missing username in /node/auth/user field");
                }
                users.add(new AuthUser(name, u.hasAttribute("password") ? u.getAttribute("password") : null));
            }
        }
        return new TestNode(cpu, domains, networks, interfaces, pools, devices, users);
    }

    private static NodeDomain testState(DomainDef def) {
        boolean trans = def.testTransient != null;
        boolean managed = def.testHasManagedSave != null;
        int runstate = 1;
        if (def.testRunstate != null) {
            long v;
            try {
                v = Long.parseLong(def.testRunstate.strip());
            } catch (NumberFormatException e) {
                throw xmlError("invalid runstate");
            }
            if (v < 0 || v >= 8) {
                throw xmlError("runstate '" + v + "' out of range'");
            }
            runstate = (int) v;
        }
        if (trans && runstate == 5) {
            throw xmlError("transient domain cannot have runstate 'shutoff'");
        }
        if (managed && runstate != 5) {
            throw xmlError("domain with managedsave data can only have runstate 'shutoff'");
        }
        return new NodeDomain(def, runstate, trans, managed);
    }

    private static NodeCpu nodeCpu(Element root) {
        Element cpu = first(root, "cpu");
        Long nodes = null;
        Long sockets = null;
        Long cores = null;
        Long threads = null;
        Long active = null;
        Long mhz = null;
        String model = null;
        if (cpu != null) {
            nodes = number(cpu, "nodes", "invalid node cpu nodes value");
            sockets = number(cpu, "sockets", "invalid node cpu sockets value");
            cores = number(cpu, "cores", "invalid node cpu cores value");
            threads = number(cpu, "threads", "invalid node cpu threads value");
            active = number(cpu, "active", "invalid node cpu active value");
            mhz = number(cpu, "mhz", "invalid node cpu mhz value");
            Element m = first(cpu, "model");
            model = m == null ? null : m.getTextContent();
        }
        Long memory = number(root, "memory", "invalid node memory value");
        return new NodeCpu(nodes, sockets, cores, threads, active, mhz, model, memory);
    }

    private static Long number(Element parent, String name, String error) {
        Element e = first(parent, name);
        if (e == null) {
            return null;
        }
        try {
            return Long.parseLong(e.getTextContent().strip());
        } catch (NumberFormatException ex) {
            throw xmlError(error);
        }
    }

    /** The element itself, or the root of the file its {@code file=} names, resolved against the node file. */
    private static Element resolve(Element e, Path nodeFile, String expected) {
        if (!e.hasAttribute("file")) {
            return e;
        }
        Path f = Path.of(e.getAttribute("file"));
        if (!f.isAbsolute()) {
            Path dir = nodeFile == null ? null : nodeFile.toAbsolutePath().getParent();
            f = dir == null ? f : dir.resolve(f);
        }
        Document doc = readDoc(f);
        Element r = doc.getDocumentElement();
        if (!expected.equals(r.getLocalName())) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of '" + expected + "', not '" + r.getLocalName() + "'");
        }
        return r;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && e.getNamespaceURI() == null) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element first(Element parent, String name) {
        List<Element> l = children(parent, name);
        return l.isEmpty() ? null : l.get(0);
    }

    private static VirtException xmlError(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST, detail);
    }
}
