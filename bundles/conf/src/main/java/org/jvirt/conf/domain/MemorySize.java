package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;

/** A memory size with its unit ({@code <memory unit='MiB'>1024</memory>}); libvirt keeps and writes KiB. */
public class MemorySize {
    @XmlAttribute
    public String unit;
    /** {@code <maxMemory slots=''>}. */
    @XmlAttribute
    public String slots;
    /** {@code <memory dumpCore='on|off'>}. */
    @XmlAttribute
    public String dumpCore;
    @XmlValue
    public String text;
    /** The size in KiB, filled when parsed. */
    @XmlTransient
    public long kib;

    public static MemorySize ofKiB(long kib) {
        MemorySize m = new MemorySize();
        m.kib = kib;
        m.unit = "KiB";
        m.text = Long.toString(kib);
        return m;
    }
}
