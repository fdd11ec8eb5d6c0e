package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <crypto>}: a virtio crypto device (libvirt 9.0's virDomainCryptoDef). */
public class CryptoDef {
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String type;
    public CryptoDef.Backend backend;
    public CryptoDef.Driver driver;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <backend>}. */
    @XmlType(name = "")
    public static class Backend {
        @XmlAttribute
        public String model;
        @XmlAttribute
        public String queues;
    }

    /** {@code <driver>}: the virtio options. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String iommu;
        @XmlAttribute
        public String ats;
        @XmlAttribute
        public String packed;
        @XmlAttribute(name = "page_per_vq")
        public String pagePerVq;
    }
}
