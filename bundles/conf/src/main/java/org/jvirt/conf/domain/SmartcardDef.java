package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <smartcard>}. */
public class SmartcardDef {
    @XmlAttribute
    public String mode;
    @XmlAttribute
    public String type;
    public ChrSource source;
    @XmlElement(name = "certificate")
    public List<String> certificates = new ArrayList<>();
    public String database;
    public ChrProtocol protocol;
    public Alias alias;
    public DeviceAddress address;
}
