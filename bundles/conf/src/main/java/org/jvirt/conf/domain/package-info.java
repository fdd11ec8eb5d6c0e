/**
 * The domain XML model: one class per element of libvirt's domain format, with the element's and attributes'
 * names, in the order libvirt writes them. Fields are public and mutable like libvirt's virDomainDef structures;
 * after {@link org.jvirt.conf.DomainXml#parse} they hold libvirt's canonical values (memory in KiB, defaults
 * filled). Elements jvirt does not model yet are dropped, as libvirt drops what it does not know.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlAccessorFactory(FirstElementWins.class)
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;

import org.glassfish.jaxb.runtime.XmlAccessorFactory;
import org.jvirt.conf.xml.FirstElementWins;
