package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <iothreadids>}. */
public class IoThreadIds {
    @XmlElement(name = "iothread")
    public List<IoThread> iothreads = new ArrayList<>();

    /** {@code <iothread id=''/>}. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
    public static class IoThread {
        @XmlAttribute
        public String id;
    }
}
