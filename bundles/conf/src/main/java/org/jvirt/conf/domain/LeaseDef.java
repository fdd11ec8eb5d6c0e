package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <lease>}. */
public class LeaseDef {
    public String lockspace;
    public String key;
    public LeaseDef.Target target;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <target>}. */
    @XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String path;
        @XmlAttribute
        public String offset;
    }
}
