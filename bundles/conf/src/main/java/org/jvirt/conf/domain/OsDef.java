package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <os>}: how the guest boots. */
public class OsDef {
    @XmlAttribute
    public String firmware;
    public Type type;
    public String init;
    @XmlElement(name = "initarg")
    public List<String> initargs = new ArrayList<>();
    public Loader loader;
    public Nvram nvram;
    public String kernel;
    public String initrd;
    public String cmdline;
    public String dtb;
    public String root;
    @XmlElement(name = "boot")
    public List<Boot> boots = new ArrayList<>();
    public BootMenu bootmenu;
    public Bios bios;
    public Smbios smbios;

    /** {@code <type arch='' machine=''>hvm</type>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Type {
        @XmlAttribute
        public String arch;
        @XmlAttribute
        public String machine;
        @XmlValue
        public String value;
    }

    /** {@code <loader readonly='' secure='' type=''>path</loader>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Loader {
        @XmlAttribute
        public String readonly;
        @XmlAttribute
        public String secure;
        @XmlAttribute
        public String type;
        @XmlValue
        public String path;
    }

    /** {@code <nvram template=''>path</nvram>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Nvram {
        @XmlAttribute
        public String template;
        @XmlValue
        public String path;
    }

    /** {@code <boot dev=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Boot {
        @XmlAttribute
        public String dev;

        public Boot() {
        }

        public Boot(String dev) {
            this.dev = dev;
        }
    }

    /** {@code <bootmenu enable='' timeout=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class BootMenu {
        @XmlAttribute
        public String enable;
        @XmlAttribute
        public String timeout;
    }

    /** {@code <bios useserial='' rebootTimeout=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Bios {
        @XmlAttribute
        public String useserial;
        @XmlAttribute
        public String rebootTimeout;
    }

    /** {@code <smbios mode=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class Smbios {
        @XmlAttribute
        public String mode;
    }
}
