package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <numatune>}. */
public class Numatune {
    public Numatune.Memory memory;
    @XmlElement(name = "memnode")
    public List<Numatune.Memnode> memnodes = new ArrayList<>();

    /** {@code <memnode>}. */
    @XmlType(name = "")
    public static class Memnode {
        @XmlAttribute
        public String cellid;
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String nodeset;
    }

    /** {@code <memory>}. */
    @XmlType(name = "")
    public static class Memory {
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String placement;
        @XmlAttribute
        public String nodeset;
    }
}
