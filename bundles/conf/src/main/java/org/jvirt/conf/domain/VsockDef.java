package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <vsock>}. */
public class VsockDef {
    @XmlAttribute
    public String model;
    public VsockDef.Cid cid;
    public VsockDef.Driver driver;
    public DeviceAcpi acpi;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <cid>}. */
    @XmlType(name = "")
    public static class Cid {
        @XmlAttribute
        public String auto;
        @XmlAttribute
        public String address;
    }

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String iommu;
    }
}
