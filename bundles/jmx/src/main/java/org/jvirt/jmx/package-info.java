/**
 * What jvirt shows in JMX: the MXBean interfaces of its managed objects and the names they are registered under in
 * the platform MBeanServer (domain {@value org.jvirt.jmx.JvirtObjectNames#DOMAIN}). A console needs none of these
 * classes (every attribute and operation uses open types); a Java client can use them with
 * {@link javax.management.JMX#newMXBeanProxy}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.jvirt.jmx;
