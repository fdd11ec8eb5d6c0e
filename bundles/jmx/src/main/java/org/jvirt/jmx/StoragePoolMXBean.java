package org.jvirt.jmx;

/**
 * One storage pool, registered as {@code org.jvirt:type=StoragePool,connection="<uri>",name="<name>"}, with what
 * {@code virsh pool-info} shows. Every attribute asks the driver when read. The MBean emits an
 * {@link javax.management.AttributeChangeNotification} on {@code State} when the pool starts or stops, and
 * {@code jvirt.storage-pool.lifecycle} and {@code jvirt.storage-pool.refresh} notifications.
 */
@Description("A storage pool of one connection, as virsh pool-info shows it; starts, stops and refreshes are notified")
public interface StoragePoolMXBean {

    @Description("The pool's name")
    String getName();

    @Description("The pool's UUID")
    String getUUID();

    @Description("The state in virsh's words: inactive, building, running, degraded, inaccessible")
    String getState();

    @Description("Whether the pool has a persistent configuration")
    boolean isPersistent();

    @Description("Whether the pool starts when the host starts")
    boolean isAutostart();

    void setAutostart(boolean autostart);

    @Description("The pool's size in bytes")
    long getCapacityBytes();

    @Description("The bytes its volumes take")
    long getAllocationBytes();

    @Description("The bytes still free")
    long getAvailableBytes();

    @Description("The names of the pool's volumes")
    String[] getVolumes();

    @Description("The pool's XML description")
    String getXML();

    @Description("Starts the defined pool")
    void start();

    @Description("Stops the pool; its storage stays")
    void destroy();

    @Description("Rescans the pool's volumes")
    void refresh();

    @Description("Removes the pool's persistent configuration")
    void undefine();
}
