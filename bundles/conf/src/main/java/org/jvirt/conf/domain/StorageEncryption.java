package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <encryption>}. */
public class StorageEncryption {
    @XmlAttribute
    public String format;
    @XmlAttribute
    public String engine;
    @XmlElement(name = "secret")
    public List<StorageEncryption.Secret> secrets = new ArrayList<>();

    /** {@code <secret>}. */
    @XmlType(name = "")
    public static class Secret {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String usage;
        @XmlAttribute
        public String uuid;
    }
}
