package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <seclabel>}. */
public class SecLabel {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String relabel;
    public String label;
    public String imagelabel;
    public String baselabel;
}
