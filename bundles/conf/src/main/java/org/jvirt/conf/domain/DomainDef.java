package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;

/** A domain (libvirt's virDomainDef): {@code <domain>}. */
@XmlRootElement(name = "domain")
public class DomainDef {
    /** The test driver's namespace (runstate, transient, hasmanagedsave of test-node files). */
    public static final String TEST_NS = "http://libvirt.org/schemas/domain/test/1.0";

    /** The virtualization type: test, kvm, qemu, xen, lxc, … */
    @XmlAttribute
    public String type;
    /** The {@code id} attribute as given (read only from live status XML). */
    @XmlAttribute(name = "id")
    public String idText;
    /** The id of a running domain; -1 when not running (never written for an inactive definition). */
    @XmlTransient
    public int id = -1;
    public String name;
    @XmlElement(name = "uuid")
    public String uuidText;
    /** The UUID, parsed from {@code uuidText} or generated. */
    @XmlTransient
    public UUID uuid;
    public String title;
    public String description;
    public Metadata metadata;
    public MemorySize maxMemory;
    public MemorySize memory;
    public MemorySize currentMemory;
    public Blkiotune blkiotune;
    public Vcpu vcpu;
    public String iothreads;
    public IoThreadIds iothreadids;
    public OsDef os;
    public Features features;
    public CpuDef cpu;
    public ClockDef clock;
    @XmlElement(name = "on_poweroff")
    public String onPoweroff;
    @XmlElement(name = "on_reboot")
    public String onReboot;
    @XmlElement(name = "on_crash")
    public String onCrash;
    @XmlElement(name = "on_lockfailure")
    public String onLockfailure;
    public PmDef pm;
    public Devices devices;
    @XmlElement(name = "seclabel")
    public List<SecLabel> seclabels = new ArrayList<>();

    @XmlElement(name = "runstate", namespace = TEST_NS)
    public String testRunstate;
    @XmlElement(name = "transient", namespace = TEST_NS)
    public Empty testTransient;
    @XmlElement(name = "hasmanagedsave", namespace = TEST_NS)
    public Empty testHasManagedSave;

    /** Memory in KiB ({@code <memory>}), as libvirt keeps it after parsing. */
    public long memoryKiB() {
        return memory == null ? 0 : memory.kib;
    }

    /** The memory the guest has now, in KiB ({@code <currentMemory>}). */
    public long currentMemoryKiB() {
        return currentMemory == null ? memoryKiB() : currentMemory.kib;
    }

    /** The vCPUs the guest runs with now. */
    public int vcpus() {
        return vcpu == null ? 1 : vcpu.current > 0 ? vcpu.current : vcpu.count;
    }

    /** The most vCPUs the guest may have. */
    public int maxVcpus() {
        return vcpu == null ? 1 : vcpu.count;
    }

    public Devices devices() {
        if (devices == null) {
            devices = new Devices();
        }
        return devices;
    }
}
