package org.jvirt.conf.nwfilter;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;

import org.jvirt.conf.xml.OtherElements;
import org.w3c.dom.Element;

/**
 * {@code <filter>}: rules and references to other filters, in their order. A rule's protocol element is read by
 * libvirt's attribute tables (each protocol has its own attributes and their types); after parsing,
 * {@link Rule#protocol} and {@link Rule#attributes} hold the rule in libvirt's canonical form.
 */
@XmlRootElement(name = "filter")
public class NWFilterDef {
    @XmlAttribute
    public String name;
    @XmlAttribute
    public String chain;
    @XmlAttribute
    public String priority;
    public String uuid;
    /** The rules and filter references, in document order. */
    @XmlElements({@XmlElement(name = "rule", type = NWFilterDef.Rule.class),
        @XmlElement(name = "filterref", type = NWFilterDef.Filterref.class)})
    public List<Object> entries = new ArrayList<>();

    /** {@code <filterref>}: another filter, with values for its variables. */
    @XmlType(name = "")
    public static class Filterref {
        @XmlAttribute
        public String filter;
        @XmlElement(name = "parameter")
        public List<NWFilterDef.Filterref.Parameter> parameters = new ArrayList<>();

        /** {@code <parameter>}. */
        @XmlType(name = "")
        public static class Parameter {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String value;
        }
    }

    /** {@code <rule>}. */
    @XmlType(name = "")
    public static class Rule {
        @XmlAttribute
        public String action;
        @XmlAttribute
        public String direction;
        @XmlAttribute
        public String priority;
        @XmlAttribute
        public String statematch;
        /** The protocol elements as given ({@code <tcp …/>}, {@code <mac …/>}, …). */
        @XmlAnyElement
        @OtherElements
        public List<Element> protocolElements = new ArrayList<>();
        /** The rule's protocol after parsing (null when the rule has none). */
        @XmlTransient
        public String protocol;
        /** The protocol's attributes after parsing, in libvirt's order, in their canonical form. */
        @XmlTransient
        public List<NWFilterDef.Attribute> attributes = new ArrayList<>();
    }

    /** One attribute of a rule's protocol: its value as libvirt writes it, and whether it is negated. */
    public record Attribute(String name, String value, boolean negated) {
    }
}
