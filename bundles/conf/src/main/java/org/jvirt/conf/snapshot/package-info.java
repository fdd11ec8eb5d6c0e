/**
 * Domain snapshots, checkpoints and backups: {@code <domainsnapshot>}, {@code <domaincheckpoint>}, {@code <domainbackup>}. One JAXB class per element, fields in libvirt's order of output.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlAccessorFactory(FirstElementWins.class)
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jvirt.conf.snapshot;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;

import org.glassfish.jaxb.runtime.XmlAccessorFactory;
import org.jvirt.conf.xml.FirstElementWins;
