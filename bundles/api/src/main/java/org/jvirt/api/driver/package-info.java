/**
 * The driver SPI: what a driver bundle provides so that the platform can route connections to it.
 *
 * <p>A hypervisor driver is a service of {@link org.jvirt.api.driver.HypervisorDriver} whose
 * {@value org.jvirt.api.driver.HypervisorDriver#URI_SCHEMES} property lists the URI schemes it serves; its bundle
 * declares {@code Jvirt-Driver: NAME} and imports nothing from another driver. The connection it returns
 * implements the public {@link org.jvirt.api.Connect} and {@link org.jvirt.api.Domain}; the platform wraps them to
 * check state and permissions, to name unsupported functions, and to deliver events to subscribers.
 *
 * <p>Secondary drivers (network, storage, …) are services of the interfaces declared here; a hypervisor driver
 * without its own gets the shared ones attached to its connections.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jvirt.api.driver;
