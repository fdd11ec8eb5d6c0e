package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <backingStore>}. */
public class BackingStore {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String index;
    public StorageFormat format;
    public StorageSource source;
    public BackingStore backingStore;
}
