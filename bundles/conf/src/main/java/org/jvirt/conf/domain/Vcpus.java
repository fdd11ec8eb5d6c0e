package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <vcpus>}. */
public class Vcpus {
    @XmlElement(name = "vcpu")
    public List<Vcpus.Vcpu> vcpus = new ArrayList<>();

    /** {@code <vcpu>}. */
    @XmlType(name = "")
    public static class Vcpu {
        @XmlAttribute
        public String id;
        @XmlAttribute
        public String enabled;
        @XmlAttribute
        public String hotpluggable;
        @XmlAttribute
        public String order;
    }
}
