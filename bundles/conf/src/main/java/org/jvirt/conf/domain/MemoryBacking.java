package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <memoryBacking>}. */
public class MemoryBacking {
    public MemoryBacking.Hugepages hugepages;
    public Empty nosharepages;
    public Empty locked;
    public MemoryBacking.Source source;
    public MemoryBacking.Access access;
    public MemoryBacking.Allocation allocation;
    public Empty discard;

    /** {@code <access>}. */
    @XmlType(name = "")
    public static class Access {
        @XmlAttribute
        public String mode;
    }

    /** {@code <allocation>}. */
    @XmlType(name = "")
    public static class Allocation {
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String threads;
    }

    /** {@code <hugepages>}. */
    @XmlType(name = "")
    public static class Hugepages {
        @XmlElement(name = "page")
        public List<MemoryBacking.Hugepages.Page> pages = new ArrayList<>();

        /** {@code <page>}. */
        @XmlType(name = "")
        public static class Page {
            @XmlAttribute
            public String size;
            @XmlAttribute
            public String unit;
            @XmlAttribute
            public String nodeset;
        }
    }

    /** {@code <source>}. */
    @XmlType(name = "")
    public static class Source {
        @XmlAttribute
        public String type;
    }
}
