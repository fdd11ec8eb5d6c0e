package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code <devices>}: each kind in its own list, written in libvirt's order of kinds. */
public class Devices {
    public String emulator;
    @XmlElement(name = "disk")
    public List<DiskDef> disks = new ArrayList<>();
    @XmlElement(name = "controller")
    public List<ControllerDef> controllers = new ArrayList<>();
    @XmlElement(name = "interface")
    public List<NetDef> interfaces = new ArrayList<>();
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
    @XmlElement(name = "graphics")
    public List<GraphicsDef> graphics = new ArrayList<>();
    @XmlElement(name = "sound")
    public List<SoundDef> sounds = new ArrayList<>();
    @XmlElement(name = "video")
    public List<VideoDef> videos = new ArrayList<>();
    public WatchdogDef watchdog;
    public MemballoonDef memballoon;
}
