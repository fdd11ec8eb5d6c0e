package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import org.jvirt.conf.xml.Live;

/** {@code <serial>}. */
public class ChrDef {
    @XmlAttribute
    public String type;
    @Live
    @XmlAttribute
    public String tty;
    @XmlElement(name = "source")
    public List<ChrSource> sources = new ArrayList<>();
    public ChrProtocol protocol;
    public ChrDef.Log log;
    public ChrDef.Target target;
    public DeviceAcpi acpi;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <target>}. */
    @XmlType(name = "")
    public static class Target {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String port;
        @XmlAttribute
        public String state;
        public ChrDef.Target.Model model;

        /** {@code <model>}. */
        @XmlType(name = "")
        public static class Model {
            @XmlAttribute
            public String name;
        }
    }

    /** {@code <log>}. */
    @XmlType(name = "")
    public static class Log {
        @XmlAttribute
        public String file;
        @XmlAttribute
        public String append;
    }
}
