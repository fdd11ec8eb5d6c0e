package org.jvirt.driver.qemu.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;

/** A definition that sets what the command line does not carry is refused, naming the setting. */
class SupportedSettingsTest {
    private static DomainDef parse(String devices, String extra) {
        return DomainXml.parse("<domain type='qemu'><name>s</name><memory>65536</memory>" + extra
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>" + devices + "</devices></domain>",
                DomainParseOptions.qemu());
    }

    @Test
    void listsWhatADefinitionSetsAsXmlPaths() {
        DomainDef def = parse("<disk type='file' device='disk'><driver name='qemu' type='qcow2' io='native'/>"
                + "<source file='/x.qcow2'/><target dev='vda' bus='virtio'/></disk>", "");
        assertThat(DomainSettings.of(def)).contains("name", "os/type/@machine", "devices/disk/driver/@type",
                "devices/disk/driver/@io", "devices/disk/source/@file");
    }

    @Test
    void refusesWhatItDoesNotCarryAndAcceptsTheRest() {
        SupportedSettings.check(parse("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='/x.qcow2'/><target dev='vda' bus='virtio'/></disk><serial type='pty'/>", ""));
        assertThatThrownBy(() -> SupportedSettings.check(parse("<disk type='file' device='disk'>"
                + "<driver name='qemu' type='qcow2' io='native'/><source file='/x.qcow2'/>"
                + "<target dev='vda' bus='virtio'/></disk>", ""))).isInstanceOfSatisfying(VirtException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_UNSUPPORTED);
                            assertThat(e.getMessage()).isEqualTo("unsupported configuration: "
                                    + "<devices/disk/driver/@io> not supported by jvirt's QEMU driver yet");
                        });
        assertThatThrownBy(() -> SupportedSettings.check(parse("<rng model='virtio'><backend model='random'>"
                + "/dev/urandom</backend></rng>", ""))).hasMessageContaining("<devices/rng>");
        assertThatThrownBy(() -> SupportedSettings.check(parse("", "<iothreads>2</iothreads>")))
                .hasMessageContaining("<iothreads>");
    }
}
