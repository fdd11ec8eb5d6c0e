package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <tpm>}. */
public class TpmDef {
    @XmlAttribute
    public String model;
    public TpmDef.Backend backend;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <backend>}. */
    @XmlType(name = "")
    public static class Backend {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String version;
        @XmlAttribute(name = "persistent_state")
        public String persistentState;
        @XmlAttribute
        public String debug;
        public TpmDef.Backend.Device device;
        public TpmDef.Backend.Encryption encryption;
        @XmlElement(name = "active_pcr_banks")
        public TpmDef.Backend.ActivePcrBanks activePcrBanks;
        public TpmDef.Backend.Source source;

        /** {@code <active_pcr_banks>}. */
        @XmlType(name = "")
        public static class ActivePcrBanks {
            public Empty sha256;
            public Empty sha512;
        }

        /** {@code <device>}. */
        @XmlType(name = "")
        public static class Device {
            @XmlAttribute
            public String path;
        }

        /** {@code <encryption>}. */
        @XmlType(name = "")
        public static class Encryption {
            @XmlAttribute
            public String secret;
        }

        /** {@code <source>}. */
        @XmlType(name = "")
        public static class Source {
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String mode;
            @XmlAttribute
            public String path;
        }
    }
}
