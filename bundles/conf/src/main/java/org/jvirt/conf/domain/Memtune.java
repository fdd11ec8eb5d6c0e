package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code <memtune>}. */
public class Memtune {
    @XmlElement(name = "hard_limit")
    public MemorySize hardLimit;
    @XmlElement(name = "soft_limit")
    public MemorySize softLimit;
    @XmlElement(name = "min_guarantee")
    public MemorySize minGuarantee;
    @XmlElement(name = "swap_hard_limit")
    public MemorySize swapHardLimit;
}
