package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <memballoon model='' autodeflate=''>}. */
public class MemballoonDef {
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String autodeflate;
    @XmlAttribute
    public String freePageReporting;
    public Stats stats;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <stats period=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Stats {
        @XmlAttribute
        public String period;
    }
}
