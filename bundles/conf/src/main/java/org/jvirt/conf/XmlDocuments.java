package org.jvirt.conf;

import java.util.EnumSet;
import java.util.Set;

import javax.xml.stream.XMLStreamReader;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.caps.CapabilitiesDef;
import org.jvirt.conf.caps.DomainCapabilitiesDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.iface.InterfaceDef;
import org.jvirt.conf.internal.DocumentFormat;
import org.jvirt.conf.internal.DefinitionScope;
import org.jvirt.conf.internal.DocumentPostParse;
import org.jvirt.conf.internal.GuardedXmlReader;
import org.jvirt.conf.internal.DomainPostParse;
import org.jvirt.conf.internal.XmlBinding;
import org.jvirt.conf.network.NetworkDef;
import org.jvirt.conf.network.NetworkPortDef;
import org.jvirt.conf.nodedev.NodeDeviceDef;
import org.jvirt.conf.nwfilter.NWFilterBindingDef;
import org.jvirt.conf.nwfilter.NWFilterDef;
import org.jvirt.conf.secret.SecretDef;
import org.jvirt.conf.snapshot.DomainBackupDef;
import org.jvirt.conf.snapshot.DomainCheckpointDef;
import org.jvirt.conf.snapshot.DomainSnapshotDef;
import org.jvirt.conf.storage.StoragePoolCapsDef;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;

/**
 * Every document kind libvirt has, known by its root element: parse (guarded reader, JAXB, libvirt's checks
 * and defaults) and format (libvirt's order and form). Domains go through {@link DomainXml}.
 */
public final class XmlDocuments {
    /** The document kinds, with their root element, model class and the name libvirt gives them in errors. */
    public enum Kind {
        DOMAIN("domain", DomainDef.class, "(domain_definition)"),
        NETWORK("network", NetworkDef.class, "(network_definition)"),
        NETWORK_PORT("networkport", NetworkPortDef.class, "(networkport_definition)"),
        STORAGE_POOL("pool", StoragePoolDef.class, "(storage_pool_definition)"),
        STORAGE_VOL("volume", StorageVolDef.class, "(storage_volume_definition)"),
        STORAGE_POOL_CAPS("storagepoolCapabilities", StoragePoolCapsDef.class, "(storagepool_capabilities)"),
        NWFILTER("filter", NWFilterDef.class, "(nwfilter_definition)"),
        NWFILTER_BINDING("filterbinding", NWFilterBindingDef.class, "(nwfilterbinding_definition)"),
        SECRET("secret", SecretDef.class, "(definition_of_secret)"),
        NODE_DEVICE("device", NodeDeviceDef.class, "(node_device_definition)"),
        INTERFACE("interface", InterfaceDef.class, "(interface_definition)"),
        CAPABILITIES("capabilities", CapabilitiesDef.class, "(capabilities)"),
        DOMAIN_CAPABILITIES("domainCapabilities", DomainCapabilitiesDef.class, "(domain_capabilities)"),
        SNAPSHOT("domainsnapshot", DomainSnapshotDef.class, "(domain_snapshot)"),
        CHECKPOINT("domaincheckpoint", DomainCheckpointDef.class, "(domain_checkpoint)"),
        BACKUP("domainbackup", DomainBackupDef.class, "(domain_backup)");

        public final String root;
        public final Class<?> type;
        public final String docName;

        Kind(String root, Class<?> type, String docName) {
            this.root = root;
            this.type = type;
            this.docName = docName;
        }

        /** The kind whose root element is {@code root}, or null. */
        public static Kind ofRoot(String root) {
            for (Kind k : values()) {
                if (k.root.equals(root)) {
                    return k;
                }
            }
            return null;
        }

        public static Kind of(Class<?> type) {
            for (Kind k : values()) {
                if (k.type == type) {
                    return k;
                }
            }
            throw new IllegalArgumentException("not a document model: " + type);
        }
    }

    private XmlDocuments() {
    }

    /** Parses a document of any kind, known by its root element, as a whole definition. */
    public static Object parse(String xml) {
        return parse(xml, false);
    }

    /**
     * Parses a document of the kind of {@code type} as a whole definition: besides every check
     * {@link #parse(String, Class)} makes, those libvirt makes only of a definition (an {@code <ip>}'s address, a
     * NAT or routed network's IP, DNS records, forward interfaces' devices, a node device's name), which the typed
     * parse leaves out so that a section wrapped in a document (a network update's fragment, a device to create)
     * reads. Drivers defining an object call this one.
     */
    public static <T> T parseDefinition(String xml, Class<T> type, boolean validate) {
        return DefinitionScope.whole(() -> parse(xml, type, validate));
    }

    /**
     * Parses a document of any kind, known by its root element; with {@code validate} (an API call's VALIDATE
     * flag, {@link XmlSchemas#requested}) the document is first checked against its kind's schema.
     */
    public static Object parse(String xml, boolean validate) {
        return DefinitionScope.whole(() -> parseAny(xml, validate));
    }

    private static Object parseAny(String xml, boolean validate) {
        if (validate) {
            XmlSchemas.validate(xml, kindOf(xml));
        }
        XMLStreamReader r = GuardedXmlReader.open(xml, "(xml_document)");
        Kind k;
        try {
            k = Kind.ofRoot(r.getLocalName());
            if (k == null || r.getNamespaceURI() != null && !r.getNamespaceURI().isEmpty()) {
                String root = r.getLocalName();
                // a document that is not well formed says so first, as libvirt parses before it looks at the root
                GuardedXmlReader.finish(r);
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "unknown root element '" + root + "'");
            }
        } catch (RuntimeException e) {
            GuardedXmlReader.close(r);
            throw e;
        }
        Object def = bind(r, k);
        if (k == Kind.DOMAIN) {
            DomainPostParse.apply((DomainDef) def, DomainParseOptions.generic());
        } else {
            DocumentPostParse.apply(def, xml);
        }
        return def;
    }

    /** Parses a document of the kind of {@code type}. */
    public static <T> T parse(String xml, Class<T> type) {
        return parse(xml, type, false);
    }

    /**
     * Parses a document of the kind of {@code type}; with {@code validate} (an API call's VALIDATE flag,
     * {@link XmlSchemas#requested}) the document is first checked against the kind's schema, as libvirt's parse
     * functions do with their VALIDATE flag.
     */
    public static <T> T parse(String xml, Class<T> type, boolean validate) {
        Kind k = Kind.of(type);
        if (k == Kind.DOMAIN) {
            DomainParseOptions generic = DomainParseOptions.generic();
            return type.cast(DomainXml.parse(xml, validate ? generic.validating() : generic));
        }
        if (validate) {
            XmlSchemas.validate(xml, k);
        }
        Object def = read(xml, k.docName, k);
        DocumentPostParse.apply(def, xml);
        return type.cast(def);
    }

    /** The kind of a document, known by its root element (read with the guarded parser). */
    private static Kind kindOf(String xml) {
        if (xml == null) {
            throw VirtException.invalidArg("xml must not be NULL");
        }
        org.w3c.dom.Element root = GuardedXmlReader.parse(xml, "(xml_document)").getDocumentElement();
        Kind k = Kind.ofRoot(root.getLocalName());
        if (k == null || root.getNamespaceURI() != null && !root.getNamespaceURI().isEmpty()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "unknown root element '" + root.getLocalName() + "'");
        }
        return k;
    }

    /** Reads a document of kind {@code k} through the guarded reader and JAXB, before any check or default. */
    static <T> T read(String xml, String docName, Kind k) {
        XMLStreamReader r = GuardedXmlReader.open(xml, docName);
        try {
            DomainXml.expectRoot(r.getLocalName(), r.getNamespaceURI(), k.root);
        } catch (VirtException e) {
            try {
                GuardedXmlReader.finish(r);
            } finally {
                GuardedXmlReader.close(r);
            }
            throw e;
        }
        @SuppressWarnings("unchecked")
        T def = (T) bind(r, k);
        return def;
    }

    private static Object bind(XMLStreamReader r, Kind k) {
        try {
            Object def = XmlBinding.unmarshal(r, k.type);
            GuardedXmlReader.finish(r);
            return def;
        } finally {
            GuardedXmlReader.close(r);
        }
    }

    /** Formats a parsed document as libvirt does; {@code flags} as virDomainGetXMLDesc's where they apply. */
    public static String format(Object def, Set<DomainXMLFlag> flags) {
        if (def instanceof DomainDef d) {
            return DomainXml.format(d, flags);
        }
        Set<DomainXMLFlag> f = flags.isEmpty() ? EnumSet.noneOf(DomainXMLFlag.class) : EnumSet.copyOf(flags);
        if (def instanceof DomainSnapshotDef s) {
            return MomentXml.formatSnapshot(s, null, f.contains(DomainXMLFlag.SECURE)
                    ? EnumSet.of(MomentXml.SnapshotFormat.SECURE) : EnumSet.noneOf(MomentXml.SnapshotFormat.class));
        }
        if (def instanceof DomainCheckpointDef c) {
            return MomentXml.formatCheckpoint(c, f.contains(DomainXMLFlag.SECURE)
                    ? EnumSet.of(MomentXml.CheckpointFormat.SECURE)
                    : EnumSet.noneOf(MomentXml.CheckpointFormat.class));
        }
        // a caller may have set a single-element view of a list (see NetworkDef.syncFirstViews)
        if (def instanceof NetworkDef n) {
            n.syncFirstViews();
        } else if (def instanceof NodeDeviceDef d) {
            d.syncFirstViews();
        }
        return DocumentFormat.format(Kind.of(def.getClass()).root, def, f);
    }
}
