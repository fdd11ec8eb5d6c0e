package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <pstore>}. */
public class PstoreDef {
    @XmlAttribute
    public String backend;
    public String path;
    public MemorySize size;
    public Alias alias;
    public DeviceAddress address;
}
