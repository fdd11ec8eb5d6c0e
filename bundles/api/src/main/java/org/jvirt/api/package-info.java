/**
 * jvirt's public API: connections, domains, their information, errors and flags, as libvirt has them.
 *
 * <p>Take a {@link org.jvirt.api.ConnectFactory} (an OSGi service, or through {@link java.util.ServiceLoader}
 * outside OSGi), open a {@link org.jvirt.api.Connect} on a URI, and work with its objects. Every failure is a
 * {@link org.jvirt.api.VirtException} carrying libvirt's error code, domain and message.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.jvirt.api;
