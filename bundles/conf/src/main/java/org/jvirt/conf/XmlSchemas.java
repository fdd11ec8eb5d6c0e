package org.jvirt.conf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.CompareCPUFlag;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainSnapshotCreateFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.InterfaceDefineFlag;
import org.jvirt.api.NWFilterBindingCreateFlag;
import org.jvirt.api.NWFilterDefineFlag;
import org.jvirt.api.NetworkCreateFlag;
import org.jvirt.api.NetworkDefineFlag;
import org.jvirt.api.NetworkPortCreateFlag;
import org.jvirt.api.NodeDeviceCreateXMLFlag;
import org.jvirt.api.NodeDeviceDefineXMLFlag;
import org.jvirt.api.SecretDefineFlag;
import org.jvirt.api.StoragePoolDefineFlag;
import org.jvirt.api.StorageVolCreateFlag;
import org.jvirt.api.VirtException;
import org.jvirt.conf.internal.GuardedXmlReader;
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

    /**
     * The API's flags that ask for the document to be checked against its schema before it is parsed (libvirt maps
     * each to its parse function's VALIDATE flag). DomainCheckpointCreateFlag.REDEFINE_VALIDATE is not one: it
     * checks a redefined checkpoint's bitmaps against the domain's disks.
     */
    public static final Set<Enum<?>> SCHEMA_FLAGS = Set.of(DomainDefineFlag.VALIDATE,
            DomainCreateFlag.START_VALIDATE, DomainSnapshotCreateFlag.VALIDATE, NetworkDefineFlag.VALIDATE,
            NetworkCreateFlag.VALIDATE, NetworkPortCreateFlag.VALIDATE, StoragePoolDefineFlag.VALIDATE,
            StorageVolCreateFlag.VALIDATE, NWFilterDefineFlag.VALIDATE, NWFilterBindingCreateFlag.VALIDATE,
            SecretDefineFlag.VALIDATE, NodeDeviceCreateXMLFlag.VALIDATE, NodeDeviceDefineXMLFlag.VALIDATE,
            InterfaceDefineFlag.VALIDATE, CompareCPUFlag.VALIDATE_XML);

    /** The schemas' folder of an installed libvirt. */
    static final Path LIBVIRT_SCHEMAS = Path.of("/usr/share/libvirt/schemas");

    private XmlSchemas() {
    }

    /** Whether an API call's {@code flags} ask for schema validation (one of {@link #SCHEMA_FLAGS}). */
    public static boolean requested(Collection<?> flags) {
        if (flags == null) {
            return false;
        }
        for (Object f : flags) {
            if (f instanceof Enum<?> e && SCHEMA_FLAGS.contains(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * libvirt's VALIDATE step for a document of {@code kind}, as virXMLParse runs it: the document must be well
     * formed (XML_DETAIL), have the kind's root element (XML_ERROR), then validate against the kind's schema
     * (XML_INVALID_SCHEMA, "XML document failed to validate against schema: Unable to validate doc against
     * FILE" and each error). Nothing is bound or checked beyond that.
     */
    public static void validate(String xml, XmlDocuments.Kind kind) {
        if (xml == null) {
            throw VirtException.invalidArg("xml must not be NULL");
        }
        org.w3c.dom.Element root = GuardedXmlReader.parse(xml, kind.docName).getDocumentElement();
        DomainXml.expectRoot(root, kind.root);
        check(xml, BY_ROOT.get(kind.root));
    }

    /**
     * The folder the schemas are read from: the system property jvirt.schemas when set, else
     * {@code jvirt.home/share/schemas}, else libvirt's own installed folder; null when none is present.
     */
    public static Path folder() {
        String dir = System.getProperty("jvirt.schemas");
        if (dir != null) {
            return Files.isDirectory(Path.of(dir)) ? Path.of(dir).toAbsolutePath().normalize() : null;
        }
        String home = System.getProperty("jvirt.home");
        if (home != null && Files.isDirectory(Path.of(home, "share", "schemas"))) {
            return Path.of(home, "share", "schemas").toAbsolutePath().normalize();
        }
        // where libvirt's own library (Debian's libvirt0) installs them, as virsh and libvirtd read them
        return Files.isDirectory(LIBVIRT_SCHEMAS) ? LIBVIRT_SCHEMAS : null;
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
