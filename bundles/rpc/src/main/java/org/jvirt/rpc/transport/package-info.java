/**
 * The client and server cores shared by the remote driver and the daemon: framed packets on socket channels, serials, replies matched to calls, events, streams, keepalive, limits.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.jvirt.rpc.transport;
