package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <bandwidth>}. */
public class Bandwidth {
    public Bandwidth.Inbound inbound;
    public Bandwidth.Outbound outbound;

    /** {@code <inbound>}. */
    @XmlType(name = "")
    public static class Inbound {
        @XmlAttribute
        public String average;
        @XmlAttribute
        public String peak;
        @XmlAttribute
        public String floor;
        @XmlAttribute
        public String burst;
    }

    /** {@code <outbound>}. */
    @XmlType(name = "")
    public static class Outbound {
        @XmlAttribute
        public String average;
        @XmlAttribute
        public String peak;
        @XmlAttribute
        public String burst;
    }
}
