package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <acpi>}. */
public class DeviceAcpi {
    @XmlAttribute
    public String index;
}
