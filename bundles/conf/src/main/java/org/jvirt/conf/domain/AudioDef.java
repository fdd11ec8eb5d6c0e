package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <audio>}. */
public class AudioDef {
    @XmlAttribute
    public String id;
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String timerPeriod;
    @XmlAttribute
    public String driver;
    @XmlAttribute
    public String path;
    @XmlAttribute
    public String tryMMap;
    @XmlAttribute
    public String exclusive;
    @XmlAttribute
    public String dspPolicy;
    @XmlAttribute
    public String runtimeDir;
    @XmlAttribute
    public String serverName;
    public AudioDef.Input input;
    public AudioDef.Output output;
    public Alias alias;
    public DeviceAddress address;

    /** {@code <input>}. */
    @XmlType(name = "")
    public static class Input {
        @XmlAttribute
        public String mixingEngine;
        @XmlAttribute
        public String fixedSettings;
        @XmlAttribute
        public String voices;
        @XmlAttribute
        public String bufferLength;
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String bufferCount;
        @XmlAttribute
        public String serverName;
        @XmlAttribute
        public String clientName;
        @XmlAttribute
        public String connectPorts;
        @XmlAttribute
        public String tryPoll;
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String streamName;
        @XmlAttribute
        public String latency;
        public AudioDef.Input.Settings settings;

        /** {@code <settings>}. */
        @XmlType(name = "")
        public static class Settings {
            @XmlAttribute
            public String frequency;
            @XmlAttribute
            public String channels;
            @XmlAttribute
            public String format;
        }
    }

    /** {@code <output>}. */
    @XmlType(name = "")
    public static class Output {
        @XmlAttribute
        public String mixingEngine;
        @XmlAttribute
        public String fixedSettings;
        @XmlAttribute
        public String voices;
        @XmlAttribute
        public String bufferLength;
        @XmlAttribute
        public String dev;
        @XmlAttribute
        public String bufferCount;
        @XmlAttribute
        public String serverName;
        @XmlAttribute
        public String clientName;
        @XmlAttribute
        public String connectPorts;
        @XmlAttribute
        public String tryPoll;
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String streamName;
        @XmlAttribute
        public String latency;
        public AudioDef.Output.Settings settings;

        /** {@code <settings>}. */
        @XmlType(name = "")
        public static class Settings {
            @XmlAttribute
            public String frequency;
            @XmlAttribute
            public String channels;
            @XmlAttribute
            public String format;
        }
    }
}
