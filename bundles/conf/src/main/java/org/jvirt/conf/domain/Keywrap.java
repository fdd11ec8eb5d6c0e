package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <keywrap>}. */
public class Keywrap {
    @XmlElement(name = "cipher")
    public List<Keywrap.Cipher> ciphers = new ArrayList<>();

    /** {@code <cipher>}. */
    @XmlType(name = "")
    public static class Cipher {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String state;
    }
}
