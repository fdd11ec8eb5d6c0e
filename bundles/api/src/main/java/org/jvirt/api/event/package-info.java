/**
 * Events: what a subscriber to a connection receives when its objects change (libvirt's event ids, types and
 * details, with the same numbers), and the subscriptions that end them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.jvirt.api.event;
