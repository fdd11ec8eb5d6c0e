/**
 * The driver SPI: what a driver bundle provides so that the platform can route connections to it.
 *
 * <p>A hypervisor driver is a service of {@link org.jvirt.api.driver.HypervisorDriver} whose
 * {@value org.jvirt.api.driver.HypervisorDriver#URI_SCHEMES} property lists the URI schemes it serves; its bundle
 * declares {@code Jvirt-Driver: NAME} and imports nothing from another driver. The connection it returns
 * implements the public {@link org.jvirt.api.Connect} and the objects it hands out implement
 * {@link org.jvirt.api.Domain}, {@link org.jvirt.api.Network}, …; the platform wraps them to check state and
 * permissions, to name unsupported functions, and to deliver events to subscribers.
 *
 * <p>Secondary drivers ({@link org.jvirt.api.driver.NetworkDriver}, {@link org.jvirt.api.driver.StorageDriver},
 * …) serve one part of connections ({@link org.jvirt.api.ConnectNetworks}, …) for hypervisor drivers that have
 * none of their own; see {@link org.jvirt.api.driver.SecondaryDriver}. Drivers deliver events to the
 * {@link org.jvirt.api.driver.EventSink} of each connection, and attach a
 * {@link org.jvirt.api.driver.StreamChannel} to the streams they are given.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.jvirt.api.driver;
