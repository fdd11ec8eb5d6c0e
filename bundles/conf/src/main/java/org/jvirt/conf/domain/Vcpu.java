package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <vcpu>}. */
public class Vcpu {
    @XmlAttribute
    public String placement;
    @XmlAttribute
    public String cpuset;
    @XmlAttribute(name = "current")
    public String currentText;
    @XmlValue
    public String text;
    /** The most vCPUs, parsed. */
    @XmlTransient
    public int count = 1;
    /** The vCPUs online, parsed; 0 when equal to {@link #count}. */
    @XmlTransient
    public int current;
}
