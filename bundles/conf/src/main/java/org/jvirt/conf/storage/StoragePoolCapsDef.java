package org.jvirt.conf.storage;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import org.jvirt.conf.xml.WithEndTag;

/** {@code <storagepoolCapabilities>}. */
@XmlRootElement(name = "storagepoolCapabilities")
public class StoragePoolCapsDef {
    @XmlElement(name = "pool")
    public List<StoragePoolCapsDef.Pool> pools = new ArrayList<>();

    /** {@code <pool>}. */
    @XmlType(name = "")
    @WithEndTag
    public static class Pool {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String supported;
        public StoragePoolCapsDef.Pool.PoolOptions poolOptions;
        public StoragePoolCapsDef.Pool.VolOptions volOptions;

        /** {@code <poolOptions>}. */
        @XmlType(name = "")
        public static class PoolOptions {
            public StoragePoolCapsDef.Pool.PoolOptions.DefaultFormat defaultFormat;
            @XmlElement(name = "enum")
            public StoragePoolCapsDef.Pool.PoolOptions.Enum enumDef;

            /** {@code <defaultFormat>}. */
            @XmlType(name = "")
            public static class DefaultFormat {
                @XmlAttribute
                public String type;
            }

            /** {@code <enum>}. */
            @XmlType(name = "")
            @WithEndTag
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <volOptions>}. */
        @XmlType(name = "")
        public static class VolOptions {
            public StoragePoolCapsDef.Pool.VolOptions.DefaultFormat defaultFormat;
            @XmlElement(name = "enum")
            public StoragePoolCapsDef.Pool.VolOptions.Enum enumDef;

            /** {@code <defaultFormat>}. */
            @XmlType(name = "")
            public static class DefaultFormat {
                @XmlAttribute
                public String type;
            }

            /** {@code <enum>}. */
            @XmlType(name = "")
            @WithEndTag
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }
    }
}
