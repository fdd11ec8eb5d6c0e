package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <pm>}: guest power management. */
public class PmDef {
    @XmlElement(name = "suspend-to-mem")
    public State suspendToMem;
    @XmlElement(name = "suspend-to-disk")
    public State suspendToDisk;

    /** {@code enabled='yes|no'}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class State {
        @XmlAttribute
        public String enabled;
    }
}
