package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainDeviceNamesTest {
    static final String XML = """
            <domain type='kvm'>
              <name>vm</name>
              <devices>
                <disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>
                <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>
                <interface type='network'><source network='default'/><target dev='vnet3'/></interface>
                <interface type='network'><source network='default'/></interface>
                <console type='pty'><target type='serial' port='0'/></console>
              </devices>
            </domain>
            """;

    @Test
    void disksAndInterfacesAreNamedByTheirTargetsInTheirOrder() {
        assertThat(DomainDeviceNames.disks(XML)).containsExactly("vda", "hdc");
        // an interface without a host-side name (a stopped domain's) has no name to ask counters by
        assertThat(DomainDeviceNames.interfaces(XML)).containsExactly("vnet3");
    }

    @Test
    void aDomainWithoutDevicesHasNone() {
        assertThat(DomainDeviceNames.disks("<domain><name>x</name></domain>")).isEmpty();
    }

    @Test
    void aDoctypeIsNeverRead() {
        String hostile = "<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><domain><devices><disk>"
                + "<target dev='&x;'/></disk></devices></domain>";
        assertThatThrownBy(() -> DomainDeviceNames.disks(hostile)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the domain's XML");
    }
}
