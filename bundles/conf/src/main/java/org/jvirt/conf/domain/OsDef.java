package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

import org.jvirt.conf.xml.MixedText;

/** {@code <os>}. */
public class OsDef {
    @XmlAttribute
    public String firmware;
    public OsDef.Type type;
    @XmlElement(name = "firmware")
    public OsDef.Firmware firmwareElement;
    public String init;
    @XmlElement(name = "initarg")
    public List<String> initargs = new ArrayList<>();
    @XmlElement(name = "initenv")
    public List<OsDef.Initenv> initenvs = new ArrayList<>();
    public String initdir;
    public String inituser;
    public String initgroup;
    public OsDef.Loader loader;
    public OsDef.Nvram nvram;
    public String kernel;
    public String initrd;
    public String cmdline;
    public String dtb;
    public String root;
    public OsDef.Acpi acpi;
    @XmlElement(name = "boot")
    public List<OsDef.Boot> boots = new ArrayList<>();
    public OsDef.Bootmenu bootmenu;
    public OsDef.Bios bios;
    public OsDef.Smbios smbios;

    /** {@code <acpi>}. */
    @XmlType(name = "")
    public static class Acpi {
        @XmlElement(name = "table")
        public List<OsDef.Acpi.Table> tables = new ArrayList<>();

        /** {@code <table>}. */
        @XmlType(name = "")
        public static class Table {
            @XmlAttribute
            public String type;
            @XmlValue
            public String value;
        }
    }

    /** {@code <bios>}. */
    @XmlType(name = "")
    public static class Bios {
        @XmlAttribute
        public String rebootTimeout;
        @XmlAttribute
        public String useserial;
    }

    /** {@code <boot>}. */
    @XmlType(name = "")
    public static class Boot {
        @XmlAttribute
        public String dev;
        
        public Boot() {
        }
        
        public Boot(String dev) {
            this.dev = dev;
        }
    }

    /** {@code <bootmenu>}. */
    @XmlType(name = "")
    public static class Bootmenu {
        @XmlAttribute
        public String enable;
        @XmlAttribute
        public String timeout;
    }

    /** {@code <firmware>}. */
    @XmlType(name = "")
    public static class Firmware {
        @XmlElement(name = "feature")
        public List<OsDef.Firmware.Feature> features = new ArrayList<>();

        /** {@code <feature>}. */
        @XmlType(name = "")
        public static class Feature {
            @XmlAttribute
            public String enabled;
            @XmlAttribute
            public String name;
        }
    }

    /** {@code <initenv>}. */
    @XmlType(name = "")
    public static class Initenv {
        @XmlAttribute
        public String name;
        @XmlValue
        public String value;
    }

    /** {@code <loader>}. */
    @XmlType(name = "")
    public static class Loader {
        @XmlAttribute
        public String readonly;
        @XmlAttribute
        public String secure;
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String format;
        @XmlAttribute
        public String stateless;
        @XmlValue
        public String path;
    }

    /** {@code <nvram>}. */
    @XmlType(name = "")
    public static class Nvram {
        @XmlAttribute
        public String template;
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String format;
        /** The path, when given as the element's text. */
        @XmlTransient
        @MixedText
        public String path;
        public StorageSource source;
        /** The element's text as JAXB reads it, moved into {@link #path}. */
        @XmlMixed
        @XmlAnyElement
        List<Object> text;
    }

    /** {@code <smbios>}. */
    @XmlType(name = "")
    public static class Smbios {
        @XmlAttribute
        public String mode;
    }

    /** {@code <type>}. */
    @XmlType(name = "")
    public static class Type {
        @XmlAttribute
        public String arch;
        @XmlAttribute
        public String machine;
        @XmlValue
        public String value;
    }
}
