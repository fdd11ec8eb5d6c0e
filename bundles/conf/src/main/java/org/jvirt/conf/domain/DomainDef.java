package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;
import org.jvirt.conf.xml.Live;
import org.w3c.dom.Element;

/** {@code <domain>}. */
@XmlRootElement(name = "domain")
public class DomainDef {
    @XmlAttribute
    public String type;
    @Live
    @XmlAttribute(name = "id")
    public String idText;
    public String name;
    @XmlElement(name = "uuid")
    public String uuidText;
    public String genid;
    public String title;
    public String description;
    public Metadata metadata;
    public MemorySize maxMemory;
    public MemorySize memory;
    public MemorySize currentMemory;
    public Blkiotune blkiotune;
    public Memtune memtune;
    public MemoryBacking memoryBacking;
    public Vcpu vcpu;
    public Vcpus vcpus;
    public String iothreads;
    public IoThreadIds iothreadids;
    public DefaultIoThread defaultiothread;
    public Cputune cputune;
    public Numatune numatune;
    public ResourceDef resource;
    @XmlElement(name = "sysinfo")
    public List<Sysinfo> sysinfos = new ArrayList<>();
    public String bootloader;
    @XmlElement(name = "bootloader_args")
    public String bootloaderArgs;
    public OsDef os;
    public Idmap idmap;
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
    public Perf perf;
    public Devices devices;
    @XmlElement(name = "seclabel")
    public List<SecLabel> seclabels = new ArrayList<>();
    public Keywrap keywrap;
    public LaunchSecurity launchSecurity;
    /** The test driver's namespace (runstate, transient, hasmanagedsave of test-node files). */
    public static final String TEST_NS = "http://libvirt.org/schemas/domain/test/1.0";
    /** The id of a running domain; -1 when not running (never written for an inactive definition). */
    @XmlTransient
    public int id = -1;
    /** The UUID, parsed from {@code uuidText} or generated. */
    @XmlTransient
    public UUID uuid;
    @XmlElement(name = "runstate", namespace = TEST_NS)
    public String testRunstate;
    @XmlElement(name = "transient", namespace = TEST_NS)
    public Empty testTransient;
    @XmlElement(name = "hasmanagedsave", namespace = TEST_NS)
    public Empty testHasManagedSave;
    /** Elements of other namespaces (a driver's own, such as qemu:commandline), kept as given. */
    @XmlAnyElement
    public List<Element> namespaced = new ArrayList<>();
    
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
