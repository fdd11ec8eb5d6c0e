package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <vlan>}. */
public class Vlan {
    @XmlAttribute
    public String trunk;
    @XmlElement(name = "tag")
    public List<Vlan.Tag> tags = new ArrayList<>();

    /** {@code <tag>}. */
    @XmlType(name = "")
    public static class Tag {
        @XmlAttribute
        public String id;
        @XmlAttribute
        public String nativeMode;
    }
}
