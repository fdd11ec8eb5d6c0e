/**
 * XDR (RFC 4506) encoding and decoding: bounds-checked readers and writers, and XDR types declared as values (structs carried by records, unions by sealed interfaces).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jvirt.rpc.xdr;
