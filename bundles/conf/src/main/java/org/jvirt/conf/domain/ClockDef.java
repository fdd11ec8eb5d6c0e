package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <clock offset=''>}. */
public class ClockDef {
    @XmlAttribute
    public String offset;
    @XmlAttribute
    public String timezone;
    @XmlAttribute
    public String adjustment;
    @XmlAttribute
    public String basis;
    @XmlElement(name = "timer")
    public List<Timer> timers = new ArrayList<>();

    /** {@code <timer name='' track='' tickpolicy='' frequency='' mode='' present=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
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
    }
}
