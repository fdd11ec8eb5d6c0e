package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;

import org.w3c.dom.Element;

/** {@code <features>}: each feature as given; formatting puts them in libvirt's order. */
public class Features {
    @XmlAnyElement
    public List<Element> elements = new ArrayList<>();
}
