package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <shmem>}. */
public class ShmemDef {
    @XmlAttribute
    public String name;
    @XmlAttribute
    public String role;
    public ShmemDef.Model model;
    public MemorySize size;
    public ShmemDef.Server server;
    public ShmemDef.Msi msi;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <model>}. */
    @XmlType(name = "")
    public static class Model {
        @XmlAttribute
        public String type;
    }

    /** {@code <msi>}. */
    @XmlType(name = "")
    public static class Msi {
        @XmlAttribute
        public String vectors;
        @XmlAttribute
        public String ioeventfd;
    }

    /** {@code <server>}. */
    @XmlType(name = "")
    public static class Server {
        @XmlAttribute
        public String path;
    }
}
