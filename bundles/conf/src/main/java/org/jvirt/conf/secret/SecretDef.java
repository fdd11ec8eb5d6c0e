package org.jvirt.conf.secret;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <secret>}. */
@XmlRootElement(name = "secret")
public class SecretDef {
    @XmlAttribute
    public String ephemeral;
    @XmlAttribute(name = "private")
    public String privateAttr;
    public String uuid;
    public String description;
    public SecretDef.Usage usage;

    /** {@code <usage>}. */
    @XmlType(name = "")
    public static class Usage {
        @XmlAttribute
        public String type;
        public String volume;
        public String name;
    }
}
