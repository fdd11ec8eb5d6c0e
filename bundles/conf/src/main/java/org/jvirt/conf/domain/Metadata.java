package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;

import org.w3c.dom.Element;

/** {@code <metadata>}: applications' own elements, each in its own namespace, kept as they were given. */
public class Metadata {
    @XmlAnyElement
    public List<Element> elements = new ArrayList<>();
}
