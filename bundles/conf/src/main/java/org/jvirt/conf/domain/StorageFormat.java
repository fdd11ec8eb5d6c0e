package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <format>}. */
public class StorageFormat {
    @XmlAttribute
    public String type;
    @XmlElement(name = "metadata_cache")
    public StorageFormat.MetadataCache metadataCache;

    /** {@code <metadata_cache>}. */
    @XmlType(name = "")
    public static class MetadataCache {
        @XmlElement(name = "max_size")
        public MemorySize maxSize;
    }
}
