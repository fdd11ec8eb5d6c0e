package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <redirfilter>}. */
public class RedirFilterDef {
    @XmlElement(name = "usbdev")
    public List<RedirFilterDef.Usbdev> usbdevs = new ArrayList<>();
    public Alias alias;
    public DeviceAddress address;

    /** {@code <usbdev>}. */
    @XmlType(name = "")
    public static class Usbdev {
        @XmlAttribute(name = "class")
        public String classAttr;
        @XmlAttribute
        public String vendor;
        @XmlAttribute
        public String product;
        @XmlAttribute
        public String version;
        @XmlAttribute
        public String allow;
    }
}
