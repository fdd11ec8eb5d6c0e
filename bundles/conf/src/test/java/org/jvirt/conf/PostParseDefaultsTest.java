package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.VirtException;

/** The post-parse defaults libvirt's src/conf gives (as virsh 9.0's test driver shows them), one per test. */
class PostParseDefaultsTest {

    private static String defined(String devices, String extra) {
        String xml = "<domain type='test'><name>d</name><memory unit='KiB'>500000</memory><vcpu>4</vcpu>"
                + "<os><type>hvm</type></os>" + extra + "<devices>" + devices + "</devices></domain>";
        return DomainXml.format(DomainXml.parse(xml, DomainParseOptions.testDriver()),
                EnumSet.of(DomainXMLFlag.INACTIVE));
    }

    @Test
    void aGivenTotalStaysAndNumaCellsAreWrittenInIdOrderWithTheirIds() {
        String out = defined("", "<cpu><numa><cell id='1' cpus='2-3' memory='1' unit='GiB'/>"
                + "<cell id='0' cpus='0-1' memory='1048576' unit='KiB'/></numa></cpu>");
        assertThat(out).contains("<memory unit='KiB'>500000</memory>")
                .contains("      <cell id='0' cpus='0-1' memory='1048576' unit='KiB'/>\n"
                        + "      <cell id='1' cpus='2-3' memory='1048576' unit='KiB'/>\n");
    }

    @Test
    void aMissingTotalIsTheNumaSum() {
        String xml = "<domain type='test'><name>d</name><vcpu>2</vcpu><os><type>hvm</type></os>"
                + "<cpu><numa><cell cpus='0' memory='1024'/><cell cpus='1' memory='2048'/></numa></cpu></domain>";
        String out = DomainXml.format(DomainXml.parse(xml, DomainParseOptions.testDriver()),
                EnumSet.of(DomainXMLFlag.INACTIVE));
        assertThat(out).contains("<memory unit='KiB'>3072</memory>").contains("<cell id='1' cpus='1'");
    }

    @Test
    void aCellIdOutsideTheCellsIsRefused() {
        assertThatThrownBy(() -> defined("", "<cpu><numa><cell id='2' cpus='0' memory='1024'/></numa></cpu>"))
                .isInstanceOf(VirtException.class).hasMessageContaining("Exactly one 'cell' element");
    }

    @Test
    void spiceWithoutPortsListensNowhere() {
        assertThat(defined("<graphics type='spice' autoport='no'/>", ""))
                .contains("<graphics type='spice'>\n      <listen type='none'/>\n    </graphics>");
        assertThat(defined("<graphics type='spice' port='5900'/>", ""))
                .contains("<graphics type='spice' port='5900' autoport='no'>\n      <listen type='address'/>");
    }

    @Test
    void subsystemHostDevicesSayWhetherTheyAreManaged() {
        String out = defined("<hostdev type='usb' managed='foo'><source><vendor id='0x1234'/>"
                + "<product id='0xbeef'/></source></hostdev><hostdev mode='subsystem' type='pci' managed='yes'>"
                + "<source><address domain='0' bus='222' slot='31' function='1'/></source></hostdev>", "");
        assertThat(out).contains("<hostdev mode='subsystem' type='usb' managed='no'>")
                .contains("<hostdev mode='subsystem' type='pci' managed='yes'>")
                .contains("<address domain='0x0000' bus='0xde' slot='0x1f' function='0x1'/>");
    }

    @Test
    void onlyTcpBackendsHaveAProtocol() {
        String out = defined("<parallel type='unix'><source mode='bind' path='/tmp/p'/><protocol type='raw'/>"
                + "</parallel><channel type='tcp'><source mode='connect' host='h' service='1'/>"
                + "<target type='virtio' name='c'/></channel>", "");
        assertThat(out).doesNotContain("<protocol type='raw'/>\n      <target port='0'/>")
                .contains("<source mode='connect' host='h' service='1'/>\n      <protocol type='raw'/>");
    }

    @Test
    void anIsaSerialPortIsAlsoTheFirstConsole() {
        assertThat(defined("<serial type='pty'/>", ""))
                .contains("<console type='pty'>\n      <target type='serial' port='0'/>\n    </console>");
        assertThat(defined("<serial type='pty'><target type='usb-serial'/></serial>", "")).doesNotContain("<console");
    }

    @Test
    void nodeSetsAreWrittenCanonically() {
        assertThat(defined("", "<numatune><memory mode='strict' nodeset='0-2,^1'/></numatune>"))
                .contains("<memory mode='strict' nodeset='0,2'/>");
    }
}
