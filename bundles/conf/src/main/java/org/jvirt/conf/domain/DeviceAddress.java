package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <address>}. */
public class DeviceAddress {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String controller;
    @XmlAttribute
    public String bus;
    @XmlAttribute
    public String port;
    @XmlAttribute
    public String reg;
    @XmlAttribute
    public String cssid;
    @XmlAttribute
    public String ssid;
    @XmlAttribute
    public String devno;
    @XmlAttribute
    public String iobase;
    @XmlAttribute
    public String domain;
    @XmlAttribute
    public String slot;
    @XmlAttribute
    public String base;
    @XmlAttribute
    public String function;
    @XmlAttribute
    public String irq;
    @XmlAttribute
    public String multifunction;
    @XmlAttribute
    public String target;
    @XmlAttribute
    public String unit;
    public DeviceAddress.Zpci zpci;
    
    /** A drive address (controller, bus, target, unit). */
    public static DeviceAddress drive(int controller, int bus, int target, int unit) {
        DeviceAddress a = new DeviceAddress();
        a.type = "drive";
        a.controller = Integer.toString(controller);
        a.bus = Integer.toString(bus);
        a.target = Integer.toString(target);
        a.unit = Integer.toString(unit);
        return a;
    }

    /** {@code <zpci>}. */
    @XmlType(name = "")
    public static class Zpci {
        @XmlAttribute
        public String uid;
        @XmlAttribute
        public String fid;
    }
}
