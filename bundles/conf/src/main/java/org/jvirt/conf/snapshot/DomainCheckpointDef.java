package org.jvirt.conf.snapshot;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <domaincheckpoint>}. */
@XmlRootElement(name = "domaincheckpoint")
public class DomainCheckpointDef {
    public String name;
    public String description;
    public DomainCheckpointDef.Parent parent;
    public String creationTime;
    public DomainCheckpointDef.Disks disks;
    public org.jvirt.conf.domain.DomainDef domain;
    public String active;

    /** {@code <disks>}. */
    @XmlType(name = "")
    public static class Disks {
        @XmlElement(name = "disk")
        public List<DomainCheckpointDef.Disks.Disk> disks = new ArrayList<>();

        /** {@code <disk>}. */
        @XmlType(name = "")
        public static class Disk {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String checkpoint;
            @XmlAttribute
            public String bitmap;
            @XmlAttribute
            public String size;
        }
    }

    /** {@code <parent>}. */
    @XmlType(name = "")
    public static class Parent {
        public String name;
    }
}
