package org.jvirt.conf;

import java.util.Map;

import org.jvirt.conf.internal.StorageDocument;
import org.jvirt.conf.internal.XmlBuffer;
import org.jvirt.conf.internal.XmlWriter;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;

/**
 * Storage pools and volumes in and out, as libvirt's storage_conf. A volume is read and written for its pool: the
 * pool's type decides its formats (a file format in a directory pool, a partition type in a disk pool, none in a
 * logical pool).
 */
public final class StorageXml {
    private StorageXml() {
    }

    /** Parses a {@code <pool>}. */
    public static StoragePoolDef parsePool(String xml) {
        return XmlDocuments.parse(xml, StoragePoolDef.class);
    }

    /** Parses a {@code <pool>}, first against libvirt's schema with {@code validate} (VIR_STORAGE_POOL_DEFINE_VALIDATE). */
    public static StoragePoolDef parsePool(String xml, boolean validate) {
        return XmlDocuments.parse(xml, StoragePoolDef.class, validate);
    }

    /** Formats a pool. */
    public static String formatPool(StoragePoolDef def) {
        return StorageDocument.formatPool(def, writer());
    }

    /**
     * Parses a {@code <volume>} of {@code pool}; with {@code noCapacity} (libvirt's VIR_VOL_XML_PARSE_NO_CAPACITY)
     * a volume may leave its capacity out.
     */
    public static StorageVolDef parseVolume(StoragePoolDef pool, String xml, boolean noCapacity) {
        return parseVolume(pool, xml, noCapacity, false);
    }

    /**
     * The same, first against libvirt's schema with {@code validate} (VIR_STORAGE_VOL_CREATE_VALIDATE, libvirt's
     * VIR_VOL_XML_PARSE_VALIDATE).
     */
    public static StorageVolDef parseVolume(StoragePoolDef pool, String xml, boolean noCapacity, boolean validate) {
        if (validate) {
            XmlSchemas.validate(xml, XmlDocuments.Kind.STORAGE_VOL);
        }
        StorageVolDef def = XmlDocuments.read(xml, XmlDocuments.Kind.STORAGE_VOL.docName,
                XmlDocuments.Kind.STORAGE_VOL);
        StorageDocument.checkVolume(def, pool.type, noCapacity);
        return def;
    }

    /** Formats a volume of {@code pool}. */
    public static String formatVolume(StoragePoolDef pool, StorageVolDef vol) {
        return StorageDocument.formatVolume(vol, pool.type, writer());
    }

    private static XmlWriter writer() {
        return new XmlWriter(new XmlBuffer(), false, true, Map.of());
    }
}
