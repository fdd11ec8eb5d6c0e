package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <features>}. */
public class Features {
    public Empty acpi;
    public Features.Apic apic;
    public Empty pae;
    public Features.Hap hap;
    public Empty viridian;
    public Empty privnet;
    public Features.Hyperv hyperv;
    public Features.Kvm kvm;
    public Features.Pvspinlock pvspinlock;
    public Features.Capabilities capabilities;
    public Features.Pmu pmu;
    public Features.Vmport vmport;
    public Features.Gic gic;
    public Features.Smm smm;
    public Features.Ioapic ioapic;
    public Features.Hpt hpt;
    public Features.Vmcoreinfo vmcoreinfo;
    public Features.Htm htm;
    @XmlElement(name = "nested-hv")
    public Features.NestedHv nestedHv;
    public Features.Msrs msrs;
    @XmlElement(name = "ccf-assist")
    public Features.CcfAssist ccfAssist;
    public Features.Xen xen;
    public Features.Cfpc cfpc;
    public Features.Sbbc sbbc;
    public Features.Ibs ibs;
    public Features.Tcg tcg;
    @XmlElement(name = "async-teardown")
    public Features.AsyncTeardown asyncTeardown;
    public Features.Ras ras;
    public Features.Ps2 ps2;
    public Features.Aia aia;

    /** {@code <apic>}. */
    @XmlType(name = "")
    public static class Apic {
        @XmlAttribute
        public String eoi;
    }

    /** {@code <async-teardown>}. */
    @XmlType(name = "")
    public static class AsyncTeardown {
        @XmlAttribute
        public String enabled;
    }

    /** {@code <capabilities>}. */
    @XmlType(name = "")
    public static class Capabilities {
        @XmlAttribute
        public String policy;
        public Features.Capabilities.Mknod mknod;

        /** {@code <mknod>}. */
        @XmlType(name = "")
        public static class Mknod {
            @XmlAttribute
            public String state;
        }
    }

    /** {@code <gic>}. */
    @XmlType(name = "")
    public static class Gic {
        @XmlAttribute
        public String version;
    }

    /** {@code <hap>}. */
    @XmlType(name = "")
    public static class Hap {
        @XmlAttribute
        public String state;
    }

    /** {@code <hpt>}. */
    @XmlType(name = "")
    public static class Hpt {
        @XmlAttribute
        public String resizing;
    }

    /** {@code <hyperv>}. */
    @XmlType(name = "")
    @org.jvirt.conf.xml.WithEndTag
    public static class Hyperv {
        @XmlAttribute
        public String mode;
        public Features.Hyperv.Relaxed relaxed;
        public Features.Hyperv.Vapic vapic;
        public Features.Hyperv.Spinlocks spinlocks;
        public Features.Hyperv.Vpindex vpindex;
        public Features.Hyperv.Runtime runtime;
        public Features.Hyperv.Synic synic;
        public Features.Hyperv.Stimer stimer;
        public Features.Hyperv.Reset reset;
        @XmlElement(name = "vendor_id")
        public Features.Hyperv.VendorId vendorId;
        public Features.Hyperv.Frequencies frequencies;
        public Features.Hyperv.Reenlightenment reenlightenment;
        public Features.Hyperv.Tlbflush tlbflush;
        public Features.Hyperv.Ipi ipi;
        public Features.Hyperv.Evmcs evmcs;
        public Features.Hyperv.Avic avic;
        @XmlElement(name = "emsr_bitmap")
        public Features.Hyperv.EmsrBitmap emsrBitmap;
        @XmlElement(name = "xmm_input")
        public Features.Hyperv.XmmInput xmmInput;

        /** {@code <avic>}. */
        @XmlType(name = "")
        public static class Avic {
            @XmlAttribute
            public String state;
        }

        /** {@code <emsr_bitmap>}. */
        @XmlType(name = "")
        public static class EmsrBitmap {
            @XmlAttribute
            public String state;
        }

        /** {@code <evmcs>}. */
        @XmlType(name = "")
        public static class Evmcs {
            @XmlAttribute
            public String state;
        }

        /** {@code <frequencies>}. */
        @XmlType(name = "")
        public static class Frequencies {
            @XmlAttribute
            public String state;
        }

        /** {@code <ipi>}. */
        @XmlType(name = "")
        public static class Ipi {
            @XmlAttribute
            public String state;
        }

        /** {@code <reenlightenment>}. */
        @XmlType(name = "")
        public static class Reenlightenment {
            @XmlAttribute
            public String state;
        }

        /** {@code <relaxed>}. */
        @XmlType(name = "")
        public static class Relaxed {
            @XmlAttribute
            public String state;
        }

        /** {@code <reset>}. */
        @XmlType(name = "")
        public static class Reset {
            @XmlAttribute
            public String state;
        }

        /** {@code <runtime>}. */
        @XmlType(name = "")
        public static class Runtime {
            @XmlAttribute
            public String state;
        }

        /** {@code <spinlocks>}. */
        @XmlType(name = "")
        public static class Spinlocks {
            @XmlAttribute
            public String state;
            @XmlAttribute
            public String retries;
        }

        /** {@code <stimer>}. */
        @XmlType(name = "")
        public static class Stimer {
            @XmlAttribute
            public String state;
            public Features.Hyperv.Stimer.Direct direct;

            /** {@code <direct>}. */
            @XmlType(name = "")
            public static class Direct {
                @XmlAttribute
                public String state;
            }
        }

        /** {@code <synic>}. */
        @XmlType(name = "")
        public static class Synic {
            @XmlAttribute
            public String state;
        }

        /** {@code <tlbflush>}. */
        @XmlType(name = "")
        public static class Tlbflush {
            @XmlAttribute
            public String state;
        }

        /** {@code <vapic>}. */
        @XmlType(name = "")
        public static class Vapic {
            @XmlAttribute
            public String state;
        }

        /** {@code <vendor_id>}. */
        @XmlType(name = "")
        public static class VendorId {
            @XmlAttribute
            public String state;
            @XmlAttribute
            public String value;
        }

        /** {@code <vpindex>}. */
        @XmlType(name = "")
        public static class Vpindex {
            @XmlAttribute
            public String state;
        }

        /** {@code <xmm_input>}. */
        @XmlType(name = "")
        public static class XmmInput {
            @XmlAttribute
            public String state;
        }
    }

    /** {@code <ioapic>}. */
    @XmlType(name = "")
    public static class Ioapic {
        @XmlAttribute
        public String driver;
    }

    /** {@code <kvm>}. */
    @XmlType(name = "")
    public static class Kvm {
        public Features.Kvm.Hidden hidden;
        @XmlElement(name = "hint-dedicated")
        public Features.Kvm.HintDedicated hintDedicated;
        @XmlElement(name = "poll-control")
        public Features.Kvm.PollControl pollControl;
        @XmlElement(name = "pv-ipi")
        public Features.Kvm.PvIpi pvIpi;
        @XmlElement(name = "dirty-ring")
        public Features.Kvm.DirtyRing dirtyRing;

        /** {@code <dirty-ring>}. */
        @XmlType(name = "")
        public static class DirtyRing {
            @XmlAttribute
            public String state;
            @XmlAttribute
            public String size;
        }

        /** {@code <hidden>}. */
        @XmlType(name = "")
        public static class Hidden {
            @XmlAttribute
            public String state;
        }

        /** {@code <hint-dedicated>}. */
        @XmlType(name = "")
        public static class HintDedicated {
            @XmlAttribute
            public String state;
        }

        /** {@code <poll-control>}. */
        @XmlType(name = "")
        public static class PollControl {
            @XmlAttribute
            public String state;
        }

        /** {@code <pv-ipi>}. */
        @XmlType(name = "")
        public static class PvIpi {
            @XmlAttribute
            public String state;
        }
    }

    /** {@code <msrs>}. */
    @XmlType(name = "")
    public static class Msrs {
        @XmlAttribute
        public String unknown;
    }

    /** {@code <pmu>}. */
    @XmlType(name = "")
    public static class Pmu {
        @XmlAttribute
        public String state;
    }

    /** {@code <ps2>}. */
    @XmlType(name = "")
    public static class Ps2 {
        @XmlAttribute
        public String state;
    }

    /** {@code <pvspinlock>}. */
    @XmlType(name = "")
    public static class Pvspinlock {
        @XmlAttribute
        public String state;
    }

    /** {@code <ras>}. */
    @XmlType(name = "")
    public static class Ras {
        @XmlAttribute
        public String state;
    }

    /** {@code <smm>}. */
    @XmlType(name = "")
    public static class Smm {
        @XmlAttribute
        public String state;
        public MemorySize tseg;
    }

    /** {@code <tcg>}. */
    @XmlType(name = "")
    public static class Tcg {
        @XmlElement(name = "tb-cache")
        public MemorySize tbCache;
    }

    /** {@code <vmcoreinfo>}. */
    @XmlType(name = "")
    public static class Vmcoreinfo {
        @XmlAttribute
        public String state;
    }

    /** {@code <vmport>}. */
    @XmlType(name = "")
    public static class Vmport {
        @XmlAttribute
        public String state;
    }

    /** {@code <xen>}. */
    @XmlType(name = "")
    public static class Xen {
        public Features.Xen.Passthrough passthrough;
        @XmlElement(name = "e820_host")
        public Features.Xen.E820Host e820Host;

        /** {@code <e820_host>}. */
        @XmlType(name = "")
        public static class E820Host {
            @XmlAttribute
            public String state;
        }

        /** {@code <passthrough>}. */
        @XmlType(name = "")
        public static class Passthrough {
            @XmlAttribute
            public String state;
            @XmlAttribute
            public String mode;
        }
    }

    /** {@code <htm>}. */
    @XmlType(name = "")
    public static class Htm {
        @XmlAttribute
        public String state;
    }

    /** {@code <nested-hv>}. */
    @XmlType(name = "")
    public static class NestedHv {
        @XmlAttribute
        public String state;
    }

    /** {@code <ccf-assist>}. */
    @XmlType(name = "")
    public static class CcfAssist {
        @XmlAttribute
        public String state;
    }

    /** {@code <cfpc>}. */
    @XmlType(name = "")
    public static class Cfpc {
        @XmlAttribute
        public String value;
    }

    /** {@code <sbbc>}. */
    @XmlType(name = "")
    public static class Sbbc {
        @XmlAttribute
        public String value;
    }

    /** {@code <ibs>}. */
    @XmlType(name = "")
    public static class Ibs {
        @XmlAttribute
        public String value;
    }

    /** {@code <aia>}. */
    @XmlType(name = "")
    public static class Aia {
        @XmlAttribute
        public String value;
    }
}
