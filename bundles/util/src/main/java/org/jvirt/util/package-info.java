/**
 * Shared helpers for drivers: files written atomically, sizes with units, processes (start detached, find
 * again, end), pid files, log tails, CPU sets.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.jvirt.util;
