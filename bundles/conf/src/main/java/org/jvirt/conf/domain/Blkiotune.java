package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <blkiotune>}. */
public class Blkiotune {
    public String weight;
    @XmlElement(name = "device")
    public List<Blkiotune.Device> devices = new ArrayList<>();

    /** {@code <device>}. */
    @XmlType(name = "")
    public static class Device {
        public String path;
        public String weight;
        @XmlElement(name = "read_iops_sec")
        public String readIopsSec;
        @XmlElement(name = "write_iops_sec")
        public String writeIopsSec;
        @XmlElement(name = "read_bytes_sec")
        public String readBytesSec;
        @XmlElement(name = "write_bytes_sec")
        public String writeBytesSec;
    }
}
