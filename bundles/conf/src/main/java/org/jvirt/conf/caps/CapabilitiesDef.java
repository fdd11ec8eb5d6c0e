package org.jvirt.conf.caps;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <capabilities>}. */
@XmlRootElement(name = "capabilities")
public class CapabilitiesDef {
    public CapabilitiesDef.Host host;
    @XmlElement(name = "guest")
    public List<CapabilitiesDef.Guest> guests = new ArrayList<>();

    /** {@code <guest>}. */
    @XmlType(name = "")
    public static class Guest {
        @XmlElement(name = "os_type")
        public String osType;
        public CapabilitiesDef.Guest.Arch arch;
        public CapabilitiesDef.Guest.Features features;

        /** {@code <arch>}. */
        @XmlType(name = "")
        public static class Arch {
            @XmlAttribute
            public String name;
            public String wordsize;
            public String emulator;
            @XmlElement(name = "machine")
            public List<CapabilitiesDef.Guest.Arch.Machine> machines = new ArrayList<>();
            @XmlElement(name = "domain")
            public List<CapabilitiesDef.Guest.Arch.Domain> domains = new ArrayList<>();

            /** {@code <domain>}. */
            @XmlType(name = "")
            public static class Domain {
                @XmlAttribute
                public String type;
                public String emulator;
                @XmlElement(name = "machine")
                public List<CapabilitiesDef.Guest.Arch.Domain.Machine> machines = new ArrayList<>();

                /** {@code <machine>}. */
                @XmlType(name = "")
                public static class Machine {
                    @XmlAttribute
                    public String canonical;
                    @XmlAttribute
                    public String maxCpus;
                    @XmlValue
                    public String value;
                }
            }

            /** {@code <machine>}. */
            @XmlType(name = "")
            public static class Machine {
                @XmlAttribute
                public String canonical;
                @XmlAttribute
                public String maxCpus;
                @XmlValue
                public String value;
            }
        }

        /** {@code <features>}. */
        @XmlType(name = "")
        public static class Features {
            public org.jvirt.conf.domain.Empty cpuselection;
            public org.jvirt.conf.domain.Empty deviceboot;
            public org.jvirt.conf.domain.Empty pae;
            public org.jvirt.conf.domain.Empty nonpae;
            public CapabilitiesDef.Guest.Features.Acpi acpi;
            public CapabilitiesDef.Guest.Features.Apic apic;
            public CapabilitiesDef.Guest.Features.Disksnapshot disksnapshot;
            public org.jvirt.conf.domain.Empty externalSnapshot;

            /** {@code <acpi>}. */
            @XmlType(name = "")
            public static class Acpi {
                @XmlAttribute(name = "default")
                public String defaultAttr;
                @XmlAttribute
                public String toggle;
            }

            /** {@code <apic>}. */
            @XmlType(name = "")
            public static class Apic {
                @XmlAttribute(name = "default")
                public String defaultAttr;
                @XmlAttribute
                public String toggle;
            }

            /** {@code <disksnapshot>}. */
            @XmlType(name = "")
            public static class Disksnapshot {
                @XmlAttribute(name = "default")
                public String defaultAttr;
                @XmlAttribute
                public String toggle;
            }
        }
    }

    /** {@code <host>}. */
    @XmlType(name = "")
    public static class Host {
        public String uuid;
        public CapabilitiesDef.Host.Cpu cpu;
        @XmlElement(name = "power_management")
        public CapabilitiesDef.Host.PowerManagement powerManagement;
        public CapabilitiesDef.Host.Iommu iommu;
        @XmlElement(name = "migration_features")
        public CapabilitiesDef.Host.MigrationFeatures migrationFeatures;
        public String netprefix;
        public CapabilitiesDef.Host.Topology topology;
        public CapabilitiesDef.Host.Cache cache;
        @XmlElement(name = "secmodel")
        public List<CapabilitiesDef.Host.Secmodel> secmodels = new ArrayList<>();

        /** {@code <cache>}. */
        @XmlType(name = "")
        public static class Cache {
            @XmlElement(name = "bank")
            public List<CapabilitiesDef.Host.Cache.Bank> banks = new ArrayList<>();

            /** {@code <bank>}. */
            @XmlType(name = "")
            public static class Bank {
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
                @XmlAttribute
                public String cpus;
            }
        }

        /** {@code <cpu>}. */
        @XmlType(name = "")
        public static class Cpu {
            public String arch;
            @XmlElement(name = "features")
            public CapabilitiesDef.Host.Cpu.Features featuresElement;
            public String model;
            public String vendor;
            public CapabilitiesDef.Host.Cpu.Microcode microcode;
            public CapabilitiesDef.Host.Cpu.Signature signature;
            public CapabilitiesDef.Host.Cpu.Counter counter;
            public CapabilitiesDef.Host.Cpu.Topology topology;
            public CapabilitiesDef.Host.Cpu.Maxphysaddr maxphysaddr;
            @XmlElement(name = "feature")
            public List<CapabilitiesDef.Host.Cpu.Feature> features = new ArrayList<>();
            @XmlElement(name = "pages")
            public List<CapabilitiesDef.Host.Cpu.Pages> pageses = new ArrayList<>();

            /** {@code <signature>}. */
            @XmlType(name = "")
            public static class Signature {
                @XmlAttribute
                public String family;
                @XmlAttribute
                public String model;
                @XmlAttribute
                public String stepping;
            }

            /** {@code <counter>}. */
            @XmlType(name = "")
            public static class Counter {
                @XmlAttribute
                public String name;
                @XmlAttribute
                public String frequency;
                @XmlAttribute
                public String scaling;
            }

            /** {@code <feature>}. */
            @XmlType(name = "")
            public static class Feature {
                @XmlAttribute
                public String name;
            }

            /** {@code <features>}. */
            @XmlType(name = "")
            public static class Features {
                public org.jvirt.conf.domain.Empty pae;
                public org.jvirt.conf.domain.Empty nonpae;
            }

            /** {@code <maxphysaddr>}. */
            @XmlType(name = "")
            public static class Maxphysaddr {
                @XmlAttribute
                public String mode;
                @XmlAttribute
                public String bits;
            }

            /** {@code <microcode>}. */
            @XmlType(name = "")
            public static class Microcode {
                @XmlAttribute
                public String version;
            }

            /** {@code <pages>}. */
            @XmlType(name = "")
            public static class Pages {
                @XmlAttribute
                public String unit;
                @XmlAttribute
                public String size;
            }

            /** {@code <topology>}. */
            @XmlType(name = "")
            public static class Topology {
                @XmlAttribute
                public String sockets;
                @XmlAttribute
                public String dies;
                @XmlAttribute
                public String clusters;
                @XmlAttribute
                public String cores;
                @XmlAttribute
                public String threads;
            }
        }

        /** {@code <iommu>}. */
        @XmlType(name = "")
        public static class Iommu {
            @XmlAttribute
            public String support;
        }

        /** {@code <migration_features>}. */
        @XmlType(name = "")
        public static class MigrationFeatures {
            public org.jvirt.conf.domain.Empty live;
            @XmlElement(name = "uri_transports")
            public CapabilitiesDef.Host.MigrationFeatures.UriTransports uriTransports;

            /** {@code <uri_transports>}. */
            @XmlType(name = "")
            public static class UriTransports {
                @XmlElement(name = "uri_transport")
                public List<String> uriTransports = new ArrayList<>();
            }
        }

        /** {@code <power_management>}. */
        @XmlType(name = "")
        public static class PowerManagement {
            @XmlElement(name = "suspend_mem")
            public org.jvirt.conf.domain.Empty suspendMem;
            @XmlElement(name = "suspend_disk")
            public org.jvirt.conf.domain.Empty suspendDisk;
            @XmlElement(name = "suspend_hybrid")
            public org.jvirt.conf.domain.Empty suspendHybrid;
        }

        /** {@code <secmodel>}. */
        @XmlType(name = "")
        public static class Secmodel {
            public String model;
            public String doi;
            @XmlElement(name = "baselabel")
            public List<CapabilitiesDef.Host.Secmodel.Baselabel> baselabels = new ArrayList<>();

            /** {@code <baselabel>}. */
            @XmlType(name = "")
            public static class Baselabel {
                @XmlAttribute
                public String type;
                @XmlValue
                public String value;
            }
        }

        /** {@code <topology>}. */
        @XmlType(name = "")
        public static class Topology {
            public CapabilitiesDef.Host.Topology.Cells cells;

            /** {@code <cells>}. */
            @XmlType(name = "")
            public static class Cells {
                @XmlAttribute
                public String num;
                @XmlElement(name = "cell")
                public List<CapabilitiesDef.Host.Topology.Cells.Cell> cells = new ArrayList<>();

                /** {@code <cell>}. */
                @XmlType(name = "")
                public static class Cell {
                    @XmlAttribute
                    public String id;
                    public org.jvirt.conf.domain.MemorySize memory;
                    @XmlElement(name = "pages")
                    public List<CapabilitiesDef.Host.Topology.Cells.Cell.Pages> pageses = new ArrayList<>();
                    public CapabilitiesDef.Host.Topology.Cells.Cell.Distances distances;
                    public CapabilitiesDef.Host.Topology.Cells.Cell.Cpus cpus;

                    /** {@code <cpus>}. */
                    @XmlType(name = "")
                    public static class Cpus {
                        @XmlAttribute
                        public String num;
                        @XmlElement(name = "cpu")
                        public List<CapabilitiesDef.Host.Topology.Cells.Cell.Cpus.Cpu> cpus = new ArrayList<>();

                        /** {@code <cpu>}. */
                        @XmlType(name = "")
                        public static class Cpu {
                            @XmlAttribute
                            public String id;
                            @XmlAttribute(name = "socket_id")
                            public String socketId;
                            @XmlAttribute(name = "die_id")
                            public String dieId;
                            @XmlAttribute(name = "cluster_id")
                            public String clusterId;
                            @XmlAttribute(name = "core_id")
                            public String coreId;
                            @XmlAttribute
                            public String siblings;
                        }
                    }

                    /** {@code <distances>}. */
                    @XmlType(name = "")
                    public static class Distances {
                        @XmlElement(name = "sibling")
                        public List<CapabilitiesDef.Host.Topology.Cells.Cell.Distances.Sibling> siblings = new ArrayList<>();

                        /** {@code <sibling>}. */
                        @XmlType(name = "")
                        public static class Sibling {
                            @XmlAttribute
                            public String id;
                            @XmlAttribute
                            public String value;
                        }
                    }

                    /** {@code <pages>}. */
                    @XmlType(name = "")
                    public static class Pages {
                        @XmlAttribute
                        public String unit;
                        @XmlAttribute
                        public String size;
                        @XmlValue
                        public String value;
                    }
                }
            }
        }
    }
}
