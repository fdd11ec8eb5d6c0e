package org.jvirt.conf.caps;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import org.jvirt.conf.xml.WithEndTag;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <domainCapabilities>}. */
@XmlRootElement(name = "domainCapabilities")
public class DomainCapabilitiesDef {
    public String path;
    public String domain;
    public String machine;
    public String arch;
    public DomainCapabilitiesDef.Vcpu vcpu;
    public DomainCapabilitiesDef.Iothreads iothreads;
    public DomainCapabilitiesDef.Os os;
    public DomainCapabilitiesDef.Cpu cpu;
    public DomainCapabilitiesDef.MemoryBacking memoryBacking;
    public DomainCapabilitiesDef.Devices devices;
    public DomainCapabilitiesDef.Features features;

    /** {@code <cpu>}. */
    @XmlType(name = "")
    public static class Cpu {
        @XmlElement(name = "mode")
        public List<DomainCapabilitiesDef.Cpu.Mode> modes = new ArrayList<>();

        /** {@code <mode>}. */
        @XmlType(name = "")
        public static class Mode {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Cpu.Mode.Enum enumDef;
            @XmlElement(name = "model")
            public List<DomainCapabilitiesDef.Cpu.Mode.Model> models = new ArrayList<>();
            public String vendor;
            public DomainCapabilitiesDef.Cpu.Mode.Maxphysaddr maxphysaddr;
            @XmlElement(name = "feature")
            public List<DomainCapabilitiesDef.Cpu.Mode.Feature> features = new ArrayList<>();

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }

            /** {@code <feature>}. */
            @XmlType(name = "")
            public static class Feature {
                @XmlAttribute
                public String policy;
                @XmlAttribute
                public String name;
            }

            /** {@code <maxphysaddr>}. */
            @XmlType(name = "")
            public static class Maxphysaddr {
                @XmlAttribute
                public String mode;
                @XmlAttribute
                public String limit;
            }

            /** {@code <model>}. */
            @XmlType(name = "")
            public static class Model {
                @XmlAttribute
                public String fallback;
                @XmlAttribute
                public String usable;
                @XmlAttribute
                public String deprecated;
                @XmlAttribute
                public String vendor;
                @XmlValue
                public String value;
            }
        }
    }

    /** {@code <devices>}. */
    @XmlType(name = "")
    @WithEndTag
    public static class Devices {
        public DomainCapabilitiesDef.Devices.Disk disk;
        public DomainCapabilitiesDef.Devices.Graphics graphics;
        public DomainCapabilitiesDef.Devices.Video video;
        public DomainCapabilitiesDef.Devices.Hostdev hostdev;
        public DomainCapabilitiesDef.Devices.Rng rng;
        public DomainCapabilitiesDef.Devices.Filesystem filesystem;
        public DomainCapabilitiesDef.Devices.Tpm tpm;
        public DomainCapabilitiesDef.Devices.Redirdev redirdev;
        public DomainCapabilitiesDef.Devices.Channel channel;
        public DomainCapabilitiesDef.Devices.Crypto crypto;
        @XmlElement(name = "interface")
        public DomainCapabilitiesDef.Devices.Interface interfaceDef;

        /** {@code <channel>}. */
        @XmlType(name = "")
        public static class Channel {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Devices.Channel.Enum enumDef;

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <crypto>}. */
        @XmlType(name = "")
        public static class Crypto {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public List<DomainCapabilitiesDef.Devices.Crypto.Enum> enums = new ArrayList<>();

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <disk>}. */
        @XmlType(name = "")
        public static class Disk {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public List<DomainCapabilitiesDef.Devices.Disk.Enum> enums = new ArrayList<>();

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <filesystem>}. */
        @XmlType(name = "")
        public static class Filesystem {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Devices.Filesystem.Enum enumDef;

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <graphics>}. */
        @XmlType(name = "")
        public static class Graphics {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Devices.Graphics.Enum enumDef;

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <hostdev>}. */
        @XmlType(name = "")
        public static class Hostdev {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public List<DomainCapabilitiesDef.Devices.Hostdev.Enum> enums = new ArrayList<>();

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <interface>}. */
        @XmlType(name = "")
        public static class Interface {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Devices.Interface.Enum enumDef;

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <redirdev>}. */
        @XmlType(name = "")
        public static class Redirdev {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Devices.Redirdev.Enum enumDef;

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                public String value;
            }
        }

        /** {@code <rng>}. */
        @XmlType(name = "")
        public static class Rng {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public List<DomainCapabilitiesDef.Devices.Rng.Enum> enums = new ArrayList<>();

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <tpm>}. */
        @XmlType(name = "")
        public static class Tpm {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public List<DomainCapabilitiesDef.Devices.Tpm.Enum> enums = new ArrayList<>();

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <video>}. */
        @XmlType(name = "")
        public static class Video {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Devices.Video.Enum enumDef;

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }
    }

    /** {@code <features>}. */
    @XmlType(name = "")
    public static class Features {
        public DomainCapabilitiesDef.Features.Gic gic;
        public DomainCapabilitiesDef.Features.Vmcoreinfo vmcoreinfo;
        public DomainCapabilitiesDef.Features.Genid genid;
        public DomainCapabilitiesDef.Features.BackingStoreInput backingStoreInput;
        public DomainCapabilitiesDef.Features.Backup backup;
        @XmlElement(name = "async-teardown")
        public DomainCapabilitiesDef.Features.AsyncTeardown asyncTeardown;
        @XmlElement(name = "s390-pv")
        public DomainCapabilitiesDef.Features.S390Pv s390Pv;
        public DomainCapabilitiesDef.Features.Ps2 ps2;
        public DomainCapabilitiesDef.Features.Sev sev;
        public DomainCapabilitiesDef.Features.Sgx sgx;
        public DomainCapabilitiesDef.Features.Hyperv hyperv;
        public DomainCapabilitiesDef.Features.LaunchSecurity launchSecurity;

        /** {@code <async-teardown>}. */
        @XmlType(name = "")
        public static class AsyncTeardown {
            @XmlAttribute
            public String supported;
        }

        /** {@code <backingStoreInput>}. */
        @XmlType(name = "")
        public static class BackingStoreInput {
            @XmlAttribute
            public String supported;
        }

        /** {@code <backup>}. */
        @XmlType(name = "")
        public static class Backup {
            @XmlAttribute
            public String supported;
        }

        /** {@code <genid>}. */
        @XmlType(name = "")
        public static class Genid {
            @XmlAttribute
            public String supported;
        }

        /** {@code <gic>}. */
        @XmlType(name = "")
        public static class Gic {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Features.Gic.Enum enumDef;

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                public String value;
            }
        }

        /** {@code <hyperv>}. */
        @XmlType(name = "")
        public static class Hyperv {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Features.Hyperv.Enum enumDef;

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }

        /** {@code <launchSecurity>}. */
        @XmlType(name = "")
        public static class LaunchSecurity {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "enum")
            public DomainCapabilitiesDef.Features.LaunchSecurity.Enum enumDef;

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                public String value;
            }
        }

        /** {@code <ps2>}. */
        @XmlType(name = "")
        public static class Ps2 {
            @XmlAttribute
            public String supported;
        }

        /** {@code <s390-pv>}. */
        @XmlType(name = "")
        public static class S390Pv {
            @XmlAttribute
            public String supported;
        }

        /** {@code <sev>}. */
        @XmlType(name = "")
        public static class Sev {
            @XmlAttribute
            public String supported;
            public String cbitpos;
            public String reducedPhysBits;
            public String maxGuests;
            public String maxESGuests;
        }

        /** {@code <sgx>}. */
        @XmlType(name = "")
        public static class Sgx {
            @XmlAttribute
            public String supported;
            public String flc;
            public String sgx1;
            public String sgx2;
            @XmlElement(name = "section_size")
            public org.jvirt.conf.domain.MemorySize sectionSize;
            public DomainCapabilitiesDef.Features.Sgx.Sections sections;

            /** {@code <sections>}. */
            @XmlType(name = "")
            public static class Sections {
                @XmlElement(name = "section")
                public List<DomainCapabilitiesDef.Features.Sgx.Sections.Section> sections = new ArrayList<>();

                /** {@code <section>}. */
                @XmlType(name = "")
                public static class Section {
                    @XmlAttribute
                    public String node;
                    @XmlAttribute
                    public String size;
                    @XmlAttribute
                    public String unit;
                }
            }
        }

        /** {@code <vmcoreinfo>}. */
        @XmlType(name = "")
        public static class Vmcoreinfo {
            @XmlAttribute
            public String supported;
        }
    }

    /** {@code <iothreads>}. */
    @XmlType(name = "")
    public static class Iothreads {
        @XmlAttribute
        public String supported;
    }

    /** {@code <memoryBacking>}. */
    @XmlType(name = "")
    public static class MemoryBacking {
        @XmlAttribute
        public String supported;
        @XmlElement(name = "enum")
        public DomainCapabilitiesDef.MemoryBacking.Enum enumDef;

        /** {@code <enum>}. */
        @XmlType(name = "")
        public static class Enum {
            @XmlAttribute
            public String name;
            @XmlElement(name = "value")
            public List<String> values = new ArrayList<>();
        }
    }

    /** {@code <os>}. */
    @XmlType(name = "")
    public static class Os {
        @XmlAttribute
        public String supported;
        @XmlElement(name = "enum")
        public DomainCapabilitiesDef.Os.Enum enumDef;
        public DomainCapabilitiesDef.Os.Loader loader;

        /** {@code <enum>}. */
        @XmlType(name = "")
        public static class Enum {
            @XmlAttribute
            public String name;
            @XmlElement(name = "value")
            public List<String> values = new ArrayList<>();
        }

        /** {@code <loader>}. */
        @XmlType(name = "")
        public static class Loader {
            @XmlAttribute
            public String supported;
            @XmlElement(name = "value")
            public List<String> values = new ArrayList<>();
            @XmlElement(name = "enum")
            public List<DomainCapabilitiesDef.Os.Loader.Enum> enums = new ArrayList<>();

            /** {@code <enum>}. */
            @XmlType(name = "")
            public static class Enum {
                @XmlAttribute
                public String name;
                @XmlElement(name = "value")
                public List<String> values = new ArrayList<>();
            }
        }
    }

    /** {@code <vcpu>}. */
    @XmlType(name = "")
    public static class Vcpu {
        @XmlAttribute
        public String max;
    }
}
