package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <perf>}. */
public class Perf {
    @XmlElement(name = "event")
    public List<Perf.Event> events = new ArrayList<>();

    /** {@code <event>}. */
    @XmlType(name = "")
    public static class Event {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String enabled;
    }
}
