package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;

import org.jvirt.conf.xml.MixedText;

/** {@code <rng>}. */
public class RngDef {
    @XmlAttribute
    public String model;
    public RngDef.Rate rate;
    public RngDef.Backend backend;
    public RngDef.Driver driver;
    public DeviceAcpi acpi;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <backend>}. */
    @XmlType(name = "")
    public static class Backend {
        @XmlAttribute
        public String model;
        @XmlAttribute
        public String type;
        /** The device path of a random backend, given as the element's text. */
        @XmlTransient
        @MixedText
        public String value;
        @XmlElement(name = "source")
        public List<ChrSource> sources = new ArrayList<>();
        public ChrProtocol protocol;
        /** The element's text as JAXB reads it, moved into {@link #value}. */
        @XmlMixed
        @XmlAnyElement
        List<Object> text;
    }

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String ats;
    }

    /** {@code <rate>}. */
    @XmlType(name = "")
    public static class Rate {
        @XmlAttribute
        public String bytes;
        @XmlAttribute
        public String period;
    }
}
