package org.jvirt.conf.nwfilter;

import jakarta.xml.bind.annotation.XmlAttribute;
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
        public NWFilterBindingDef.Filterref.Parameter parameter;

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
