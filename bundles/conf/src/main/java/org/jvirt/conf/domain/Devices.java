package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code <devices>}. */
public class Devices {
    public String emulator;
    @XmlElement(name = "disk")
    public List<DiskDef> disks = new ArrayList<>();
    @XmlElement(name = "controller")
    public List<ControllerDef> controllers = new ArrayList<>();
    @XmlElement(name = "lease")
    public List<LeaseDef> leases = new ArrayList<>();
    @XmlElement(name = "filesystem")
    public List<FilesystemDef> filesystems = new ArrayList<>();
    @XmlElement(name = "interface")
    public List<NetDef> interfaces = new ArrayList<>();
    @XmlElement(name = "smartcard")
    public List<SmartcardDef> smartcards = new ArrayList<>();
    @XmlElement(name = "serial")
    public List<ChrDef> serials = new ArrayList<>();
    @XmlElement(name = "parallel")
    public List<ChrDef> parallels = new ArrayList<>();
    @XmlElement(name = "console")
    public List<ChrDef> consoles = new ArrayList<>();
    @XmlElement(name = "channel")
    public List<ChrDef> channels = new ArrayList<>();
    @XmlElement(name = "input")
    public List<InputDef> inputs = new ArrayList<>();
    @XmlElement(name = "tpm")
    public List<TpmDef> tpms = new ArrayList<>();
    @XmlElement(name = "graphics")
    public List<GraphicsDef> graphics = new ArrayList<>();
    @XmlElement(name = "sound")
    public List<SoundDef> sounds = new ArrayList<>();
    @XmlElement(name = "audio")
    public List<AudioDef> audios = new ArrayList<>();
    @XmlElement(name = "video")
    public List<VideoDef> videos = new ArrayList<>();
    @XmlElement(name = "hostdev")
    public List<HostdevDef> hostdevs = new ArrayList<>();
    @XmlElement(name = "redirdev")
    public List<RedirdevDef> redirdevs = new ArrayList<>();
    public RedirFilterDef redirfilter;
    @XmlElement(name = "hub")
    public List<HubDef> hubs = new ArrayList<>();
    public WatchdogDef watchdog;
    public MemballoonDef memballoon;
    @XmlElement(name = "rng")
    public List<RngDef> rngs = new ArrayList<>();
    public NvramDef nvram;
    @XmlElement(name = "panic")
    public List<PanicDef> panics = new ArrayList<>();
    @XmlElement(name = "shmem")
    public List<ShmemDef> shmems = new ArrayList<>();
    @XmlElement(name = "memory")
    public List<MemoryDeviceDef> memories = new ArrayList<>();
    public IommuDef iommu;
    public VsockDef vsock;
    @XmlElement(name = "crypto")
    public List<CryptoDef> cryptos = new ArrayList<>();
    public PstoreDef pstore;
}
