/** The daemon's implementation: listeners, clients, dispatch of libvirt's REMOTE program to the public API. */
package org.jvirt.daemon.internal;
