package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <iommu>}. */
public class IommuDef {
    @XmlAttribute
    public String model;
    public IommuDef.Driver driver;
    public DeviceAcpi acpi;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String intremap;
        @XmlAttribute(name = "aw_bits")
        public String awBits;
        @XmlAttribute(name = "caching_mode")
        public String cachingMode;
        @XmlAttribute
        public String iotlb;
        @XmlAttribute(name = "dma_translation")
        public String dmaTranslation;
    }
}
