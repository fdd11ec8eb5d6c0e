package org.jvirt.jmx;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The names jvirt registers its MBeans under. Values that come from outside (URIs, domain names) are always quoted
 * with {@link ObjectName#quote}, so any character they hold is safe.
 */
public final class JvirtObjectNames {
    /** The JMX domain of every jvirt MBean. */
    public static final String DOMAIN = "org.jvirt";

    private JvirtObjectNames() {
    }

    /** {@code org.jvirt:type=Connection,uri="<uri>"}. */
    public static ObjectName connection(String uri) {
        return name(DOMAIN + ":type=Connection,uri=" + ObjectName.quote(uri));
    }

    /** {@code org.jvirt:type=Domain,connection="<uri>",name="<name>"}. */
    public static ObjectName domain(String uri, String name) {
        return name(DOMAIN + ":type=Domain,connection=" + ObjectName.quote(uri) + ",name=" + ObjectName.quote(name));
    }

    /** {@code org.jvirt:type=Network,connection="<uri>",name="<name>"}. */
    public static ObjectName network(String uri, String name) {
        return object("Network", uri, name);
    }

    /** {@code org.jvirt:type=StoragePool,connection="<uri>",name="<name>"}. */
    public static ObjectName storagePool(String uri, String name) {
        return object("StoragePool", uri, name);
    }

    /** {@code org.jvirt:type=StorageVolume,connection="<uri>",pool="<pool>",name="<name>"}. */
    public static ObjectName storageVolume(String uri, String pool, String name) {
        return name(DOMAIN + ":type=StorageVolume,connection=" + ObjectName.quote(uri) + ",pool="
                + ObjectName.quote(pool) + ",name=" + ObjectName.quote(name));
    }

    /** {@code org.jvirt:type=NodeDevice,connection="<uri>",name="<name>"}. */
    public static ObjectName nodeDevice(String uri, String name) {
        return object("NodeDevice", uri, name);
    }

    /** {@code org.jvirt:type=Interface,connection="<uri>",name="<name>"}: a network interface of the host. */
    public static ObjectName hostInterface(String uri, String name) {
        return object("Interface", uri, name);
    }

    /** {@code org.jvirt:type=Secret,connection="<uri>",uuid="<uuid>"}: a secret has no name but its UUID. */
    public static ObjectName secret(String uri, String uuid) {
        return name(DOMAIN + ":type=Secret,connection=" + ObjectName.quote(uri) + ",uuid=" + ObjectName.quote(uuid));
    }

    /** {@code org.jvirt:type=<type>,connection="<uri>",name="<name>"}: an object of a connection. */
    public static ObjectName object(String type, String uri, String name) {
        return name(DOMAIN + ":type=" + type + ",connection=" + ObjectName.quote(uri) + ",name="
                + ObjectName.quote(name));
    }

    /** {@code org.jvirt:type=Driver,name="<name>"}: the driver bundle that first declared that name. */
    public static ObjectName driver(String name) {
        return name(DOMAIN + ":type=Driver,name=" + ObjectName.quote(name));
    }

    /**
     * {@code org.jvirt:type=Driver,name="<name>",bundle="<symbolic name>",version="<version>"}: a further bundle
     * declaring a driver name already taken.
     */
    public static ObjectName driver(String name, String bundle, String version) {
        return name(DOMAIN + ":type=Driver,name=" + ObjectName.quote(name) + ",bundle=" + ObjectName.quote(bundle)
                + ",version=" + ObjectName.quote(version));
    }

    /** A pattern matching every Driver MBean. */
    public static ObjectName drivers() {
        return name(DOMAIN + ":type=Driver,*");
    }

    /** A pattern matching every MBean of one type ("Domain", "Connection") of one connection. */
    public static ObjectName pattern(String type, String uri) {
        String key = "Connection".equals(type) ? "uri" : "connection";
        return name(DOMAIN + ":type=" + type + "," + key + "=" + ObjectName.quote(uri) + ",*");
    }

    /** A pattern matching every jvirt MBean. */
    public static ObjectName all() {
        return name(DOMAIN + ":*");
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            // quoting makes every value legal, so this is a bug in this class
            throw new IllegalArgumentException(text, e);
        }
    }
}
