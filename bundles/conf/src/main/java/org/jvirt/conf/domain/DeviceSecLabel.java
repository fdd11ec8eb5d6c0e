package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <seclabel>}. */
public class DeviceSecLabel {
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String relabel;
    @XmlAttribute
    public String labelskip;
    public String label;
}
