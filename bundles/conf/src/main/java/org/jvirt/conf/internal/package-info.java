/** The guarded XML reader, the JAXB context, libvirt's post-parse defaults and its formatter. */
package org.jvirt.conf.internal;
