package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code <blkiotune>}: block I/O weights and limits. */
public class Blkiotune {
    public String weight;
    @XmlElement(name = "device")
    public List<Device> devices = new ArrayList<>();

    /** {@code <device>}: limits for one host block device. */
    @jakarta.xml.bind.annotation.XmlType(name = "")
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
