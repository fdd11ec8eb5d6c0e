package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <disk type='' device=''>}. */
public class DiskDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String device;
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String rawio;
    @XmlAttribute
    public String sgio;
    @XmlAttribute
    public String snapshot;
    public Driver driver;
    public Source source;
    public Target target;
    public Empty readonly;
    public Empty shareable;
    @XmlElement(name = "transient")
    public Empty transientDisk;
    public String serial;
    public String wwn;
    public String vendor;
    public String product;
    public BootOrder boot;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <driver name='' type='' cache='' …/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String cache;
        @XmlAttribute(name = "error_policy")
        public String errorPolicy;
        @XmlAttribute(name = "rerror_policy")
        public String rerrorPolicy;
        @XmlAttribute
        public String io;
        @XmlAttribute
        public String ioeventfd;
        @XmlAttribute(name = "event_idx")
        public String eventIdx;
        @XmlAttribute(name = "copy_on_read")
        public String copyOnRead;
        @XmlAttribute
        public String discard;
        @XmlAttribute
        public String iothread;
        @XmlAttribute(name = "detect_zeroes")
        public String detectZeroes;
        @XmlAttribute
        public String queues;
    }

    /** {@code <source file='' dev='' dir='' protocol='' name=''>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Source {
        @XmlAttribute
        public String file;
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String dir;
        @XmlAttribute
        public String protocol;
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String pool;
        @XmlAttribute
        public String volume;
        @XmlAttribute
        public String mode;
        @XmlAttribute
        public String startupPolicy;
        @XmlElement(name = "host")
        public List<Host> hosts = new ArrayList<>();
    }

    /** {@code <host name='' port='' transport='' socket=''/>} of a network source. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Host {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String port;
        @XmlAttribute
        public String transport;
        @XmlAttribute
        public String socket;
    }

    /** {@code <target dev='' bus='' tray='' removable=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String bus;
        @XmlAttribute
        public String tray;
        @XmlAttribute
        public String removable;
    }
}
