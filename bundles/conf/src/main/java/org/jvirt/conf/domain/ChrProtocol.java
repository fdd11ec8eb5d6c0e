package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <protocol>}. */
public class ChrProtocol {
    @XmlAttribute
    public String type;
}
