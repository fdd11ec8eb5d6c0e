package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <idmap>}. */
public class Idmap {
    @XmlElement(name = "uid")
    public List<Idmap.Uid> uids = new ArrayList<>();
    @XmlElement(name = "gid")
    public List<Idmap.Gid> gids = new ArrayList<>();

    /** {@code <gid>}. */
    @XmlType(name = "")
    public static class Gid {
        @XmlAttribute
        public String start;
        @XmlAttribute
        public String target;
        @XmlAttribute
        public String count;
    }

    /** {@code <uid>}. */
    @XmlType(name = "")
    public static class Uid {
        @XmlAttribute
        public String start;
        @XmlAttribute
        public String target;
        @XmlAttribute
        public String count;
    }
}
