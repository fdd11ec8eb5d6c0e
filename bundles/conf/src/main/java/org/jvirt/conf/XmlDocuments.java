package org.jvirt.conf;

import java.util.EnumSet;
import java.util.Set;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.caps.CapabilitiesDef;
import org.jvirt.conf.caps.DomainCapabilitiesDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.iface.InterfaceDef;
import org.jvirt.conf.internal.DocumentFormat;
import org.jvirt.conf.internal.DocumentPostParse;
import org.jvirt.conf.internal.GuardedXmlReader;
import org.jvirt.conf.internal.XmlBinder;
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
import org.w3c.dom.Element;

/**
 * Every document kind libvirt has, known by its root element: parse (guarded reader, libvirt's checks and
 * defaults) and format (libvirt's order and form). Domains go through {@link DomainXml}.
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

    /** Parses a document of any kind, known by its root element. */
    public static Object parse(String xml) {
        Element root = GuardedXmlReader.parse(xml, "(xml_document)").getDocumentElement();
        Kind k = Kind.ofRoot(root.getLocalName());
        if (k == null || root.getNamespaceURI() != null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "unknown root element '" + root.getLocalName() + "'");
        }
        if (k == Kind.DOMAIN) {
            return DomainXml.parseElement(root, DomainParseOptions.generic());
        }
        return parseElement(root, k);
    }

    /** Parses a document of the kind of {@code type}. */
    public static <T> T parse(String xml, Class<T> type) {
        Kind k = Kind.of(type);
        if (k == Kind.DOMAIN) {
            return type.cast(DomainXml.parse(xml));
        }
        Element root = GuardedXmlReader.parse(xml, k.docName).getDocumentElement();
        return type.cast(parseElement(root, k));
    }

    private static Object parseElement(Element root, Kind k) {
        DomainXml.expectRoot(root, k.root);
        Object def = XmlBinder.bind(root, k.type);
        DocumentPostParse.apply(def);
        return def;
    }

    /** Formats a parsed document as libvirt does; {@code flags} as virDomainGetXMLDesc's where they apply. */
    public static String format(Object def, Set<DomainXMLFlag> flags) {
        if (def instanceof DomainDef d) {
            return DomainXml.format(d, flags);
        }
        Set<DomainXMLFlag> f = flags.isEmpty() ? EnumSet.noneOf(DomainXMLFlag.class) : EnumSet.copyOf(flags);
        return DocumentFormat.format(Kind.of(def.getClass()).root, def, f);
    }
}
