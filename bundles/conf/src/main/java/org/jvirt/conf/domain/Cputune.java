package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <cputune>}. */
public class Cputune {
    public String shares;
    public String period;
    public String quota;
    @XmlElement(name = "global_period")
    public String globalPeriod;
    @XmlElement(name = "global_quota")
    public String globalQuota;
    @XmlElement(name = "emulator_period")
    public String emulatorPeriod;
    @XmlElement(name = "emulator_quota")
    public String emulatorQuota;
    @XmlElement(name = "iothread_period")
    public String iothreadPeriod;
    @XmlElement(name = "iothread_quota")
    public String iothreadQuota;
    @XmlElement(name = "vcpupin")
    public List<Cputune.Vcpupin> vcpupins = new ArrayList<>();
    public Cputune.Emulatorpin emulatorpin;
    @XmlElement(name = "iothreadpin")
    public List<Cputune.Iothreadpin> iothreadpins = new ArrayList<>();
    public Cputune.Emulatorsched emulatorsched;
    @XmlElement(name = "vcpusched")
    public List<Cputune.Vcpusched> vcpuscheds = new ArrayList<>();
    @XmlElement(name = "iothreadsched")
    public List<Cputune.Iothreadsched> iothreadscheds = new ArrayList<>();
    @XmlElement(name = "cachetune")
    public List<Cputune.Cachetune> cachetunes = new ArrayList<>();
    @XmlElement(name = "memorytune")
    public List<Cputune.Memorytune> memorytunes = new ArrayList<>();

    /** {@code <cachetune>}. */
    @XmlType(name = "")
    public static class Cachetune {
        @XmlAttribute
        public String vcpus;
        @XmlAttribute
        public String id;
        @XmlElement(name = "cache")
        public List<Cputune.Cachetune.Cache> caches = new ArrayList<>();
        @XmlElement(name = "monitor")
        public List<Cputune.Cachetune.Monitor> monitors = new ArrayList<>();

        /** {@code <cache>}. */
        @XmlType(name = "")
        public static class Cache {
            @XmlAttribute
            public String id;
            @XmlAttribute
            public String level;
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String size;
            @XmlAttribute
            public String unit;
        }

        /** {@code <monitor>}. */
        @XmlType(name = "")
        public static class Monitor {
            @XmlAttribute
            public String level;
            @XmlAttribute
            public String vcpus;
        }
    }

    /** {@code <emulatorpin>}. */
    @XmlType(name = "")
    public static class Emulatorpin {
        @XmlAttribute
        public String cpuset;
    }

    /** {@code <emulatorsched>}. */
    @XmlType(name = "")
    public static class Emulatorsched {
        @XmlAttribute
        public String scheduler;
        @XmlAttribute
        public String priority;
    }

    /** {@code <iothreadpin>}. */
    @XmlType(name = "")
    public static class Iothreadpin {
        @XmlAttribute
        public String iothread;
        @XmlAttribute
        public String cpuset;
    }

    /** {@code <iothreadsched>}. */
    @XmlType(name = "")
    public static class Iothreadsched {
        @XmlAttribute
        public String iothreads;
        @XmlAttribute
        public String scheduler;
        @XmlAttribute
        public String priority;
    }

    /** {@code <memorytune>}. */
    @XmlType(name = "")
    public static class Memorytune {
        @XmlAttribute
        public String vcpus;
        @XmlElement(name = "node")
        public List<Cputune.Memorytune.Node> nodes = new ArrayList<>();
        @XmlElement(name = "monitor")
        public List<Cputune.Memorytune.Monitor> monitors = new ArrayList<>();

        /** {@code <monitor>}. */
        @XmlType(name = "")
        public static class Monitor {
            @XmlAttribute
            public String vcpus;
        }

        /** {@code <node>}. */
        @XmlType(name = "")
        public static class Node {
            @XmlAttribute
            public String id;
            @XmlAttribute
            public String bandwidth;
        }
    }

    /** {@code <vcpupin>}. */
    @XmlType(name = "")
    public static class Vcpupin {
        @XmlAttribute
        public String vcpu;
        @XmlAttribute
        public String cpuset;
    }

    /** {@code <vcpusched>}. */
    @XmlType(name = "")
    public static class Vcpusched {
        @XmlAttribute
        public String vcpus;
        @XmlAttribute
        public String scheduler;
        @XmlAttribute
        public String priority;
    }
}
