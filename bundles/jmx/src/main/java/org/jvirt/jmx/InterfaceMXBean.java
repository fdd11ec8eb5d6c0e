package org.jvirt.jmx;

/**
 * One network interface of the host, registered as {@code org.jvirt:type=Interface,connection="<uri>",
 * name="<name>"}, with what {@code virsh iface-list}, {@code iface-mac} and {@code iface-dumpxml} show. libvirt has
 * no interface events: the interfaces are listed when the connection is exported and again after the MBeans' own
 * operations, which also emit an {@link javax.management.AttributeChangeNotification} on {@code Active}.
 */
@Description("A network interface of the host, as virsh iface-list and iface-dumpxml show it")
public interface InterfaceMXBean {

    @Description("The interface's name")
    String getName();

    @Description("The interface's MAC address")
    String getMAC();

    @Description("Whether the interface is up")
    boolean isActive();

    @Description("The interface's XML description (its live configuration when it is up)")
    String getXML();

    @Description("The interface's persistent XML description")
    String getInactiveXML();

    @Description("Brings the interface up")
    void start();

    @Description("Takes the interface down")
    void destroy();

    @Description("Removes the interface's configuration")
    void undefine();
}
