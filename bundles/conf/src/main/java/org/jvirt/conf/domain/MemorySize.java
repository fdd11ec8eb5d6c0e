package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * A size with its unit ({@code <memory unit='MiB'>1024</memory>}, {@code <size unit='KiB'>…}): libvirt keeps the
 * value in a fixed unit (KiB for memory) and writes that unit back.
 */
public class MemorySize {
    /** {@code <maxMemory slots=''>}. */
    @XmlAttribute
    public String slots;
    /** {@code <memory dumpCore='on|off'>}. */
    @XmlAttribute
    public String dumpCore;
    @XmlAttribute
    public String unit;
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
