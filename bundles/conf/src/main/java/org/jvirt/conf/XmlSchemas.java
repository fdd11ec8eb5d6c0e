package org.jvirt.conf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.internal.RelaxNg;

/**
 * RelaxNG validation against libvirt's schemas (libvirt's VALIDATE flag and virt-xml-validate). The schemas are
 * libvirt's own data files, read from a folder: the system property {@code jvirt.schemas}, else
 * {@code $jvirt.home/share/schemas}. Each schema is compiled once, on first use.
 */
public final class XmlSchemas {
    /** The schema of each document kind, by root element, as virt-xml-validate picks it. */
    public static final Map<String, String> BY_ROOT = Map.ofEntries(
            Map.entry("domain", "domain"), Map.entry("network", "network"), Map.entry("networkport", "networkport"),
            Map.entry("pool", "storagepool"), Map.entry("volume", "storagevol"),
            Map.entry("capabilities", "capability"), Map.entry("domainCapabilities", "domaincaps"),
            Map.entry("device", "nodedev"), Map.entry("secret", "secret"), Map.entry("filter", "nwfilter"),
            Map.entry("filterbinding", "nwfilterbinding"), Map.entry("interface", "interface"),
            Map.entry("domainsnapshot", "domainsnapshot"), Map.entry("domaincheckpoint", "domaincheckpoint"),
            Map.entry("domainbackup", "domainbackup"), Map.entry("storagepoolCapabilities", "storagepoolcaps"),
            Map.entry("cpu", "cpu"));

    private XmlSchemas() {
    }

    /** The folder the schemas are read from, or null when none is configured or present. */
    public static Path folder() {
        String dir = System.getProperty("jvirt.schemas");
        if (dir == null) {
            String home = System.getProperty("jvirt.home");
            dir = home == null ? null : Path.of(home, "share", "schemas").toString();
        }
        return dir == null || !Files.isDirectory(Path.of(dir)) ? null : Path.of(dir);
    }

    /** The schema file of {@code name} ("domain" or "domain.rng"); fails when the schemas are not installed. */
    public static Path schema(String name) {
        Path dir = folder();
        String file = name.endsWith(".rng") ? name : name + ".rng";
        Path p = Path.of(file).isAbsolute() ? Path.of(file) : dir == null ? null : dir.resolve(file);
        if (p == null || !Files.isRegularFile(p)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML,
                    "Unable to find schema '" + file + "': set jvirt.schemas to the folder of libvirt's schemas");
        }
        return p;
    }

    /**
     * The root element of {@code xml}, read with the guarded parser ({@code docName} names the document in
     * errors).
     */
    public static String rootOf(String xml, String docName) {
        return org.jvirt.conf.internal.GuardedXmlReader.parse(xml, docName).getDocumentElement().getLocalName();
    }

    /** The errors of {@code xml} against {@code schema}, each "LINE: message"; empty when it validates. */
    public static List<String> errors(String xml, Path schema) {
        return RelaxNg.validate(xml, schema);
    }

    /** Fails with libvirt's XML_INVALID_SCHEMA error when {@code xml} does not validate against its schema. */
    public static void check(String xml, String schemaName) {
        Path schema = schema(schemaName);
        List<String> errors = errors(xml, schema);
        if (!errors.isEmpty()) {
            throw new VirtException(ErrorCode.XML_INVALID_SCHEMA, ErrorDomain.XML,
                    "Unable to validate doc against " + schema + "\n" + String.join("\n", errors));
        }
    }
}
