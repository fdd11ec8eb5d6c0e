package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <cpu>}: the guest CPU model, topology and features. */
public class CpuDef {
    @XmlAttribute
    public String mode;
    @XmlAttribute
    public String match;
    @XmlAttribute
    public String check;
    @XmlAttribute
    public String migratable;
    public Model model;
    public String vendor;
    public Topology topology;
    @XmlElement(name = "feature")
    public List<Feature> features = new ArrayList<>();

    /** {@code <model fallback='' vendor_id=''>name</model>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Model {
        @XmlAttribute
        public String fallback;
        @XmlAttribute(name = "vendor_id")
        public String vendorId;
        @XmlValue
        public String name;
    }

    /** {@code <topology sockets='' dies='' cores='' threads=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Topology {
        @XmlAttribute
        public String sockets;
        @XmlAttribute
        public String dies;
        @XmlAttribute
        public String cores;
        @XmlAttribute
        public String threads;
    }

    /** {@code <feature policy='' name=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Feature {
        @XmlAttribute
        public String policy;
        @XmlAttribute
        public String name;
    }
}
