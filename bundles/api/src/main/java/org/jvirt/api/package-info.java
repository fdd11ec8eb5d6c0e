/**
 * jvirt's public API: libvirt's connections and objects, their information, errors and flags.
 *
 * <p>Take a {@link org.jvirt.api.ConnectFactory} (an OSGi service, or through {@link java.util.ServiceLoader}
 * outside OSGi), open a {@link org.jvirt.api.Connect} on a URI, and work with its objects: domains, snapshots,
 * checkpoints, networks and their ports, storage pools and volumes, host devices and interfaces, network filters and
 * their bindings, secrets, streams.
 *
 * <p>Each method names the libvirt function it stands for ({@link org.jvirt.api.Libvirt}); methods libvirt refuses
 * on a read-only connection are marked {@link org.jvirt.api.Modifies}. Flags are sets of enums whose constants carry
 * libvirt's bits ({@link org.jvirt.api.VirFlag}); enums carry libvirt's numbers ({@link org.jvirt.api.VirEnum});
 * typed parameters are {@link org.jvirt.api.TypedParameters}. Every failure is a
 * {@link org.jvirt.api.VirtException} carrying libvirt's error code, domain and message; a function a driver does
 * not implement fails with NO_SUPPORT naming it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.jvirt.api;
