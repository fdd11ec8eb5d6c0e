package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <cpu>}. */
public class CpuDef {
    @XmlAttribute
    public String mode;
    @XmlAttribute
    public String match;
    @XmlAttribute
    public String check;
    @XmlAttribute
    public String migratable;
    public CpuDef.Model model;
    public String vendor;
    public CpuDef.Topology topology;
    public CpuDef.Cache cache;
    public CpuDef.Maxphysaddr maxphysaddr;
    @XmlElement(name = "feature")
    public List<CpuDef.Feature> features = new ArrayList<>();
    public CpuDef.Numa numa;

    /** {@code <cache>}. */
    @XmlType(name = "")
    public static class Cache {
        @XmlAttribute
        public String level;
        @XmlAttribute
        public String mode;
    }

    /** {@code <feature>}. */
    @XmlType(name = "")
    public static class Feature {
        @XmlAttribute
        public String policy;
        @XmlAttribute
        public String name;
    }

    /** {@code <maxphysaddr>}. */
    @XmlType(name = "")
    public static class Maxphysaddr {
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String bits;
        @XmlAttribute
        public String limit;
    }

    /** {@code <model>}. */
    @XmlType(name = "")
    public static class Model {
        @XmlAttribute
        public String fallback;
        @XmlAttribute(name = "vendor_id")
        public String vendorId;
        @XmlValue
        public String name;
    }

    /** {@code <numa>}. */
    @XmlType(name = "")
    public static class Numa {
        @XmlElement(name = "cell")
        public List<CpuDef.Numa.Cell> cells = new ArrayList<>();
        public CpuDef.Numa.Interconnects interconnects;

        /** {@code <cell>}. */
        @XmlType(name = "")
        public static class Cell {
            @XmlAttribute
            public String id;
            @XmlAttribute
            public String cpus;
            @XmlAttribute
            public String memory;
            @XmlAttribute
            public String unit;
            @XmlAttribute
            public String memAccess;
            @XmlAttribute
            public String discard;
            @XmlElement(name = "cache")
            public List<CpuDef.Numa.Cell.Cache> caches = new ArrayList<>();
            public CpuDef.Numa.Cell.Distances distances;

            /** {@code <cache>}. */
            @XmlType(name = "")
            public static class Cache {
                @XmlAttribute
                public String level;
                @XmlAttribute
                public String associativity;
                @XmlAttribute
                public String policy;
                public CpuDef.Numa.Cell.Cache.Size size;
                public CpuDef.Numa.Cell.Cache.Line line;

                /** {@code <line>}. */
                @XmlType(name = "")
                public static class Line {
                    @XmlAttribute
                    public String value;
                    @XmlAttribute
                    public String unit;
                }

                /** {@code <size>}. */
                @XmlType(name = "")
                public static class Size {
                    @XmlAttribute
                    public String value;
                    @XmlAttribute
                    public String unit;
                }
            }

            /** {@code <distances>}. */
            @XmlType(name = "")
            public static class Distances {
                @XmlElement(name = "sibling")
                public List<CpuDef.Numa.Cell.Distances.Sibling> siblings = new ArrayList<>();

                /** {@code <sibling>}. */
                @XmlType(name = "")
                public static class Sibling {
                    @XmlAttribute
                    public String id;
                    @XmlAttribute
                    public String value;
                }
            }
        }

        /** {@code <interconnects>}. */
        @XmlType(name = "")
        public static class Interconnects {
            @XmlElement(name = "latency")
            public List<CpuDef.Numa.Interconnects.Latency> latencies = new ArrayList<>();
            @XmlElement(name = "bandwidth")
            public List<CpuDef.Numa.Interconnects.Bandwidth> bandwidths = new ArrayList<>();

            /** {@code <bandwidth>}. */
            @XmlType(name = "")
            public static class Bandwidth {
                @XmlAttribute
                public String initiator;
                @XmlAttribute
                public String target;
                @XmlAttribute
                public String cache;
                @XmlAttribute
                public String type;
                @XmlAttribute
                public String value;
                @XmlAttribute
                public String unit;
            }

            /** {@code <latency>}. */
            @XmlType(name = "")
            public static class Latency {
                @XmlAttribute
                public String initiator;
                @XmlAttribute
                public String target;
                @XmlAttribute
                public String cache;
                @XmlAttribute
                public String type;
                @XmlAttribute
                public String value;
            }
        }
    }

    /** {@code <topology>}. */
    @XmlType(name = "")
    public static class Topology {
        @XmlAttribute
        public String sockets;
        @XmlAttribute
        public String dies;
        @XmlAttribute
        public String clusters;
        @XmlAttribute
        public String cores;
        @XmlAttribute
        public String threads;
    }
}
