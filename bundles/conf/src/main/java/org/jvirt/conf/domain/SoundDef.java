package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <sound>}. */
public class SoundDef {
    @XmlAttribute
    public String model;
    @XmlAttribute
    public String streams;
    @XmlAttribute
    public String multichannel;
    @XmlElement(name = "codec")
    public List<SoundDef.Codec> codecs = new ArrayList<>();
    public SoundDef.Audio audio;
    public DeviceAcpi acpi;
    public Alias alias;
    public DeviceAddress address;
    /** Written after the address, as libvirt writes a device's virtio options. */
    public SoundDef.Driver driver;

    /** {@code <audio>}. */
    @XmlType(name = "")
    public static class Audio {
        @XmlAttribute
        public String id;
    }

    /** {@code <codec>}. */
    @XmlType(name = "")
    public static class Codec {
        @XmlAttribute
        public String type;
    }

    /** {@code <driver>}. */
    @XmlType(name = "")
    public static class Driver {
        @XmlAttribute
        public String iommu;
        @XmlAttribute
        public String packed;
    }
}
