package org.jvirt.jmx;

/**
 * One storage volume, registered as {@code org.jvirt:type=StorageVolume,connection="<uri>",pool="<pool>",
 * name="<name>"}, with what {@code virsh vol-info} shows. Every attribute asks the driver when read. libvirt has no
 * volume events: the volumes of a pool are listed again when the pool starts, stops or is refreshed, and after the
 * MBeans' own operations.
 */
@Description("A storage volume of one pool, as virsh vol-info shows it")
public interface StorageVolumeMXBean {

    @Description("The volume's name")
    String getName();

    @Description("The pool the volume is in")
    String getPool();

    @Description("The volume's key, unique on the host")
    String getKey();

    @Description("The volume's path on the host")
    String getPath();

    @Description("The volume's type in virsh's words: file, block, dir, network, netdir, ploop")
    String getType();

    @Description("The volume's size, in bytes")
    long getCapacityBytes();

    @Description("The bytes the volume takes on its storage")
    long getAllocationBytes();

    @Description("The volume's XML description")
    String getXML();

    @Description("Deletes the volume and its data")
    void delete();

    @Description("Overwrites the volume's data with zeroes")
    void wipe();

    @Description("Changes the volume's capacity to this many bytes (growing; shrinking needs shrink)")
    void resize(long capacityBytes);

    @Description("Shrinks the volume to this many bytes; data past it is lost")
    void shrink(long capacityBytes);
}
