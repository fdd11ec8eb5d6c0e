package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <virtualport>}. */
public class VirtualPort {
    @XmlAttribute
    public String type;
    public VirtualPort.Parameters parameters;

    /** {@code <parameters>}. */
    @XmlType(name = "")
    public static class Parameters {
        @XmlAttribute
        public String managerid;
        @XmlAttribute
        public String typeid;
        @XmlAttribute
        public String typeidversion;
        @XmlAttribute
        public String instanceid;
        @XmlAttribute
        public String interfaceid;
        @XmlAttribute
        public String profileid;
    }
}
