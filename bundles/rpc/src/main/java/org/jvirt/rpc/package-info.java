/**
 * libvirt's wire protocol: packet framing (length word, header, payload), limits, programs and procedures as data, errors on the wire.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.jvirt.rpc;
