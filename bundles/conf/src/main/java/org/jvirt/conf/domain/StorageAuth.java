package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <auth>}. */
public class StorageAuth {
    @XmlAttribute
    public String username;
    public StorageAuth.Secret secret;

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
