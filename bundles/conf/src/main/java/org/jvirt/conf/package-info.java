/**
 * libvirt's XML documents: parse, check, format. {@link org.jvirt.conf.DomainXml} for domains (model in
 * {@code org.jvirt.conf.domain}), {@link org.jvirt.conf.TestNodeXml} for the test driver's {@code <node>} files.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.jvirt.conf;
