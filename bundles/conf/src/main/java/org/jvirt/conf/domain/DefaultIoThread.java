package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <defaultiothread>}. */
public class DefaultIoThread {
    @XmlAttribute(name = "thread_pool_min")
    public String threadPoolMin;
    @XmlAttribute(name = "thread_pool_max")
    public String threadPoolMax;
}
