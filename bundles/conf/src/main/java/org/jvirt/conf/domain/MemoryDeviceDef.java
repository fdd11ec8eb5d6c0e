package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <memory>}. */
public class MemoryDeviceDef {
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String access;
    @XmlAttribute
    public String discard;
    public String uuid;
    public MemoryDeviceDef.Source source;
    public MemoryDeviceDef.Target target;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <source>}. */
    @XmlType(name = "")
    public static class Source {
        public String nodemask;
        public MemorySize pagesize;
        public String path;
        public MemorySize alignsize;
        public Empty pmem;
    }

    /** {@code <target>}. */
    @XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String dynamicMemslots;
        public MemorySize size;
        public String node;
        public MemoryDeviceDef.Target.Label label;
        public Empty readonly;
        public MemorySize block;
        public MemorySize requested;
        public MemoryDeviceDef.Target.Address address;

        /** {@code <address>}. */
        @XmlType(name = "")
        public static class Address {
            @XmlAttribute
            public String base;
        }

        /** {@code <label>}. */
        @XmlType(name = "")
        public static class Label {
            public MemorySize size;
        }
    }
}
