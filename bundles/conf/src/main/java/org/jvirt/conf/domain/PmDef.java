package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <pm>}. */
public class PmDef {
    @XmlElement(name = "suspend-to-mem")
    public PmDef.State suspendToMem;
    @XmlElement(name = "suspend-to-disk")
    public PmDef.State suspendToDisk;

    /** {@code <state>}. */
    @XmlType(name = "")
    public static class State {
        @XmlAttribute
        public String enabled;
    }
}
