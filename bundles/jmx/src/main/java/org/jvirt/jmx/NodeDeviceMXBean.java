package org.jvirt.jmx;

/**
 * One device of the host, registered as {@code org.jvirt:type=NodeDevice,connection="<uri>",name="<name>"}, with
 * what {@code virsh nodedev-info} and {@code nodedev-dumpxml} show. Every attribute asks the driver when read; one
 * the driver cannot tell fails with libvirt's "not supported" message. The MBean emits
 * {@code jvirt.node-device.lifecycle} and {@code jvirt.node-device.update} notifications, and an
 * {@link javax.management.AttributeChangeNotification} on {@code Active} when the device is created or deleted.
 */
@Description("A device of the host, as virsh nodedev-info shows it; its lifecycle and updates are notified")
public interface NodeDeviceMXBean {

    @Description("The device's name")
    String getName();

    @Description("The name of the device's parent; empty for the root (computer)")
    String getParent();

    @Description("The device's capabilities: pci, net, scsi_host, ...")
    String[] getCapabilities();

    @Description("Whether the device is active")
    boolean isActive();

    @Description("Whether the device has a persistent definition")
    boolean isPersistent();

    @Description("Whether the device starts when the host starts")
    boolean isAutostart();

    @Description("The device's XML description (virsh nodedev-dumpxml)")
    String getXML();

    @Description("Destroys a device made from XML (a vHBA, a mediated device), or stops a defined one")
    void destroy();

    @Description("Starts the defined device")
    void start();

    @Description("Removes the device's persistent definition")
    void undefine();

    @Description("Detaches the device from its host driver, to assign it to a guest")
    void detach();

    @Description("Gives the detached device back to its host driver")
    void reattach();

    @Description("Resets the device")
    void reset();
}
