package org.jvirt.jmx;

/**
 * One virtual network, registered as {@code org.jvirt:type=Network,connection="<uri>",name="<name>"}, with what
 * {@code virsh net-info} shows. Every attribute asks the driver when read. The MBean emits an
 * {@link javax.management.AttributeChangeNotification} on {@code Active} when the network starts or stops, and a
 * {@code jvirt.network.lifecycle} notification for each lifecycle event.
 */
@Description("A virtual network of one connection, as virsh net-info shows it; starts and stops are notified")
public interface NetworkMXBean {

    @Description("The network's name")
    String getName();

    @Description("The network's UUID")
    String getUUID();

    @Description("Whether the network is running")
    boolean isActive();

    @Description("Whether the network has a persistent configuration")
    boolean isPersistent();

    @Description("Whether the network starts when the host starts")
    boolean isAutostart();

    void setAutostart(boolean autostart);

    @Description("The bridge guests join the network through")
    String getBridge();

    @Description("The network's XML description")
    String getXML();

    @Description("Starts the defined network")
    void start();

    @Description("Stops the network")
    void destroy();

    @Description("Removes the network's persistent configuration; a running network goes on, as transient")
    void undefine();
}
