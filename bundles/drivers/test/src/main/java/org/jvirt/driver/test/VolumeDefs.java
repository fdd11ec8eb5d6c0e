package org.jvirt.driver.test;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.MemorySize;
import org.jvirt.conf.storage.StorageVolDef;
import org.jvirt.util.ScaledSizes;

/**
 * Volume definitions as libvirt's virStorageVolDefParseString reads them for a pool: a volume's sizes in bytes, its
 * type, and the format of the pool's backend; what the test driver then fills in (key and path).
 */
final class VolumeDefs {
    private static final List<String> VOLUME_TYPES = List.of("file", "block", "dir", "network", "netdir", "ploop");

    private VolumeDefs() {
    }

    /** A volume of a pool of {@code type} from its XML. */
    static StorageVolDef parse(String xml, PoolType type) {
        StorageVolDef v = ObjectXml.parse(xml, StorageVolDef.class);
        if (v.name == null || v.name.isEmpty()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing volume name element");
        }
        if (v.type == null) {
            v.type = "file";
        } else if (!VOLUME_TYPES.contains(v.type)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE, "unknown volume type '"
                    + v.type + "'");
        }
        if (v.capacity == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing capacity element");
        }
        long capacity = size(v.capacity);
        v.capacity = bytes(capacity);
        v.allocation = bytes(v.allocation == null ? capacity : size(v.allocation));
        format(v, type);
        return v;
    }

    /** The target format: checked against the backend's formats, the default when none is named, none without. */
    private static void format(StorageVolDef v, PoolType type) {
        PoolType.Formats f = type.formats;
        String given = v.target == null || v.target.format == null ? null : v.target.format.type;
        if (f.defaultFormat == null) {
            if (v.target != null) {
                v.target.format = null;
            }
            return;
        }
        if (given != null && !f.names.contains(given)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "unknown volume format type " + given);
        }
        if (v.target == null) {
            v.target = new StorageVolDef.Target();
        }
        if (v.target.format == null) {
            v.target.format = new StorageVolDef.Target.Format();
            v.target.format.type = f.defaultFormat;
        }
    }

    /** Puts the volume where the test driver puts it: under the pool's target, keyed by that path. */
    static void place(StorageVolDef v, String poolPath) {
        if (v.target == null) {
            v.target = new StorageVolDef.Target();
        }
        v.target.path = poolPath + "/" + v.name;
        v.key = v.target.path;
    }

    static long allocation(StorageVolDef v) {
        return v.allocation == null ? 0 : Long.parseLong(v.allocation.text);
    }

    static long capacity(StorageVolDef v) {
        return v.capacity == null ? 0 : Long.parseLong(v.capacity.text);
    }

    /** A size in bytes, written as libvirt writes storage sizes. */
    static MemorySize bytes(long value) {
        MemorySize m = new MemorySize();
        m.unit = "bytes";
        m.text = Long.toString(value);
        return m;
    }

    /** A size element's value in bytes (virScaleInteger with bytes as the default unit). */
    private static long size(MemorySize m) {
        long value;
        try {
            value = Long.parseLong(m.text == null ? "" : m.text.strip());
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "malformed capacity element");
        }
        return ScaledSizes.toBytes(value, m.unit, 1, Long.MAX_VALUE);
    }
}
