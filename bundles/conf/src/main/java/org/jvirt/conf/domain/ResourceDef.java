package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <resource>}. */
public class ResourceDef {
    public ResourceDef.Fibrechannel fibrechannel;
    public String partition;

    /** {@code <fibrechannel>}. */
    @XmlType(name = "")
    public static class Fibrechannel {
        @XmlAttribute
        public String appid;
    }
}
