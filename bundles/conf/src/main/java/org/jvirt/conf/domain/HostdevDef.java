package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <hostdev>}. */
public class HostdevDef {
    @XmlAttribute
    public String mode;
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String managed;
    @XmlAttribute
    public String sgio;
    @XmlAttribute
    public String rawio;
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String display;
    @XmlAttribute
    public String ramfb;
    public HostdevDef.Driver driver;
    public HostdevDef.Source source;
    public Empty readonly;
    public Empty shareable;
    @XmlElement(name = "ip")
    public List<NetIp> ips = new ArrayList<>();
    @XmlElement(name = "route")
    public List<NetRoute> routes = new ArrayList<>();
    public HostdevDef.Teaming teaming;
    public BootOrder boot;
    public DeviceAcpi acpi;
    public Alias alias;
    public HostdevDef.Rom rom;
    public DeviceAddress address;

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String model;
    }

    /** {@code <rom>}. */
    @XmlType(name = "")
    public static class Rom {
        @XmlAttribute
        public String bar;
        @XmlAttribute
        public String file;
    }

    /** {@code <source>}. */
    @XmlType(name = "")
    public static class Source {
        @XmlAttribute
        public String protocol;
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String wwpn;
        @XmlAttribute
        public String guestReset;
        @XmlAttribute
        public String writeFiltering;
        public HostdevDef.Source.Adapter adapter;
        public HostdevDef.Source.Address address;
        public StorageSource.Host host;
        public StorageAuth auth;
        public StorageSource.Initiator initiator;
        public String block;
        @XmlElement(name = "char")
        public String charDef;
        @XmlElement(name = "interface")
        public String interfaceDef;

        /** {@code <adapter>}. */
        @XmlType(name = "")
        public static class Adapter {
            @XmlAttribute
            public String name;
        }

        /** {@code <address>}. */
        @XmlType(name = "")
        public static class Address {
            @XmlAttribute
            public String uuid;
            @XmlAttribute
            public String domain;
            @XmlAttribute
            public String bus;
            @XmlAttribute
            public String device;
            @XmlAttribute
            public String slot;
            @XmlAttribute
            public String function;
            @XmlAttribute
            public String target;
            @XmlAttribute
            public String unit;
        }
    }

    /** {@code <teaming>}. */
    @XmlType(name = "")
    public static class Teaming {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String persistent;
    }
}
