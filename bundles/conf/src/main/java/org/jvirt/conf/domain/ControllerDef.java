package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <controller type='' index='' model=''>}. */
public class ControllerDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String index;
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String ports;
    @XmlAttribute
    public String vectors;
    public Alias alias;
    public DeviceAddress address;

    /** The parsed index; -1 until one is given or assigned. */
    public int index() {
        return index == null ? -1 : Integer.parseInt(index);
    }

    public static ControllerDef of(String type, int index) {
        ControllerDef c = new ControllerDef();
        c.type = type;
        c.index = Integer.toString(index);
        return c;
    }
}
