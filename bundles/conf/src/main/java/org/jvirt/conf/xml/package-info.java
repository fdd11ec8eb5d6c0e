/**
 * What the XML models share: the annotations that tie a field to the flags of libvirt's formatting (live-only
 * state, secrets), beside the JAXB annotations that name elements and attributes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jvirt.conf.xml;
