package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <iothreadids>}. */
public class IoThreadIds {
    @XmlElement(name = "iothread")
    public List<IoThreadIds.IoThread> iothreads = new ArrayList<>();

    /** {@code <iothread>}. */
    @XmlType(name = "")
    public static class IoThread {
        @XmlAttribute
        public String id;
        @XmlAttribute(name = "thread_pool_min")
        public String threadPoolMin;
        @XmlAttribute(name = "thread_pool_max")
        public String threadPoolMax;
        public IoThreadIds.IoThread.Poll poll;

        /** {@code <poll>}. */
        @XmlType(name = "")
        public static class Poll {
            @XmlAttribute
            public String max;
            @XmlAttribute
            public String grow;
            @XmlAttribute
            public String shrink;
        }
    }
}
