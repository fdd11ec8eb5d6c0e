package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <clock>}. */
public class ClockDef {
    @XmlAttribute
    public String offset;
    @XmlAttribute
    public String timezone;
    @XmlAttribute
    public String adjustment;
    @XmlAttribute
    public String basis;
    @XmlAttribute
    public String start;
    @XmlElement(name = "timer")
    public List<ClockDef.Timer> timers = new ArrayList<>();

    /** {@code <timer>}. */
    @XmlType(name = "")
    public static class Timer {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String present;
        @XmlAttribute
        public String tickpolicy;
        @XmlAttribute
        public String track;
        @XmlAttribute
        public String frequency;
        @XmlAttribute
        public String mode;
        public ClockDef.Timer.Catchup catchup;

        /** {@code <catchup>}. */
        @XmlType(name = "")
        public static class Catchup {
            @XmlAttribute
            public String slew;
            @XmlAttribute
            public String threshold;
            @XmlAttribute
            public String limit;
        }
    }
}
