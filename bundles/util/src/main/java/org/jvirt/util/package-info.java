/**
 * Shared helpers for drivers: files written atomically, sizes with units.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jvirt.util;
