package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <controller>}. */
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
    @XmlAttribute
    public String maxGrantFrames;
    @XmlAttribute
    public String maxEventChannels;
    @XmlElement(name = "model")
    public ControllerDef.Model modelElement;
    public ControllerDef.Driver driver;
    public ControllerDef.Target target;
    public MemorySize pcihole64;
    public DeviceAcpi acpi;
    public Alias alias;
    public ControllerDef.Master master;
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

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String queues;
        @XmlAttribute(name = "cmd_per_lun")
        public String cmdPerLun;
        @XmlAttribute(name = "max_sectors")
        public String maxSectors;
        @XmlAttribute
        public String ioeventfd;
        @XmlAttribute
        public String iothread;
        @XmlAttribute
        public String ats;
        @XmlAttribute
        public String iommu;
        @XmlAttribute
        public String packed;
    }

    /** {@code <master>}. */
    @XmlType(name = "")
    public static class Master {
        @XmlAttribute
        public String startport;
    }

    /** {@code <model>}. */
    @XmlType(name = "")
    public static class Model {
        @XmlAttribute
        public String name;
    }

    /** {@code <target>}. */
    @XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String chassis;
        @XmlAttribute
        public String port;
        @XmlAttribute
        public String chassisNr;
        @XmlAttribute
        public String index;
        @XmlAttribute
        public String hotplug;
        @XmlAttribute
        public String busNr;
        @XmlAttribute
        public String memReserve;
        public String node;
    }
}
