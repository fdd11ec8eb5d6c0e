package org.jvirt.jmx;

/**
 * One secret, registered as {@code org.jvirt:type=Secret,connection="<uri>",uuid="<uuid>"}, with what
 * {@code virsh secret-list} and {@code secret-dumpxml} show. Its value is never shown: there is no attribute,
 * operation or notification that carries it. The MBean emits {@code jvirt.secret.lifecycle} and
 * {@code jvirt.secret.value-changed} notifications.
 */
@Description("A secret of one connection (never its value), as virsh secret-list shows it")
public interface SecretMXBean {

    @Description("The secret's UUID")
    String getUUID();

    @Description("What the secret is for: none, volume, ceph, iscsi, tls, vtpm")
    String getUsageType();

    @Description("What it is for, in its usage's terms: a volume's path, a Ceph user, an iSCSI target, ...")
    String getUsageID();

    @Description("The secret's XML description (without the value)")
    String getXML();

    @Description("Removes the secret")
    void undefine();
}
