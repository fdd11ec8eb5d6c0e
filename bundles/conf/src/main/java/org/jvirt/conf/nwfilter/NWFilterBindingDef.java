package org.jvirt.conf.nwfilter;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <filterbinding>}. */
@XmlRootElement(name = "filterbinding")
public class NWFilterBindingDef {
    public NWFilterBindingDef.Owner owner;
    public NWFilterBindingDef.Portdev portdev;
    public NWFilterBindingDef.Mac mac;
    public NWFilterBindingDef.Filterref filterref;

    /** {@code <filterref>}. */
    @XmlType(name = "")
    public static class Filterref {
        @XmlAttribute
        public String filter;
        @XmlElement(name = "parameter")
        public List<NWFilterBindingDef.Filterref.Parameter> parameters = new ArrayList<>();

        /** {@code <parameter>}. */
        @XmlType(name = "")
        public static class Parameter {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String value;
        }
    }

    /** {@code <mac>}. */
    @XmlType(name = "")
    public static class Mac {
        @XmlAttribute
        public String address;
    }

    /** {@code <owner>}. */
    @XmlType(name = "")
    public static class Owner {
        public String name;
        public String uuid;
    }

    /** {@code <portdev>}. */
    @XmlType(name = "")
    public static class Portdev {
        @XmlAttribute
        public String name;
    }
}
