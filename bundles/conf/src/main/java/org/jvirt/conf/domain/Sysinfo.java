package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <sysinfo>}. */
public class Sysinfo {
    @XmlAttribute
    public String type;
    public Sysinfo.Bios bios;
    public Sysinfo.System system;
    @XmlElement(name = "baseBoard")
    public List<Sysinfo.BaseBoard> baseBoards = new ArrayList<>();
    @XmlElement(name = "entry")
    public List<Sysinfo.Entry> entries = new ArrayList<>();
    public Sysinfo.Chassis chassis;
    public Sysinfo.OemStrings oemStrings;

    /** {@code <baseBoard>}. */
    @XmlType(name = "")
    public static class BaseBoard {
        @XmlElement(name = "entry")
        public List<Sysinfo.BaseBoard.Entry> entries = new ArrayList<>();

        /** {@code <entry>}. */
        @XmlType(name = "")
        public static class Entry {
            @XmlAttribute
            public String name;
            @XmlValue
            public String value;
        }
    }

    /** {@code <bios>}. */
    @XmlType(name = "")
    public static class Bios {
        @XmlElement(name = "entry")
        public List<Sysinfo.Bios.Entry> entries = new ArrayList<>();

        /** {@code <entry>}. */
        @XmlType(name = "")
        public static class Entry {
            @XmlAttribute
            public String name;
            @XmlValue
            public String value;
        }
    }

    /** {@code <chassis>}. */
    @XmlType(name = "")
    public static class Chassis {
        @XmlElement(name = "entry")
        public List<Sysinfo.Chassis.Entry> entries = new ArrayList<>();

        /** {@code <entry>}. */
        @XmlType(name = "")
        public static class Entry {
            @XmlAttribute
            public String name;
            @XmlValue
            public String value;
        }
    }

    /** {@code <entry>}. */
    @XmlType(name = "")
    public static class Entry {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String file;
        @XmlValue
        public String value;
    }

    /** {@code <oemStrings>}. */
    @XmlType(name = "")
    public static class OemStrings {
        @XmlElement(name = "entry")
        public List<String> entries = new ArrayList<>();
    }

    /** {@code <system>}. */
    @XmlType(name = "")
    public static class System {
        @XmlElement(name = "entry")
        public List<Sysinfo.System.Entry> entries = new ArrayList<>();

        /** {@code <entry>}. */
        @XmlType(name = "")
        public static class Entry {
            @XmlAttribute
            public String name;
            @XmlValue
            public String value;
        }
    }
}
