package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <video>}. */
public class VideoDef {
    public Model model;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <model type='' ram='' vram='' heads='' primary=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Model {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String ram;
        @XmlAttribute
        public String vram;
        @XmlAttribute
        public String vram64;
        @XmlAttribute
        public String vgamem;
        @XmlAttribute
        public String heads;
        @XmlAttribute
        public String primary;
    }
}
