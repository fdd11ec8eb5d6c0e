package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.driver.qemu.firmware.FirmwareDescriptor;
import org.jvirt.driver.qemu.firmware.FirmwareSearchPath;
import org.jvirt.driver.qemu.firmware.FirmwareSelection;

/**
 * A q35 domain asking for UEFI, defined through the API with the host's own firmware descriptors (Debian's
 * {@code ovmf} package ships them in /usr/share/qemu/firmware): it gets the image and template of the first
 * descriptor for x86_64 q35 machines, and its NVRAM store under jvirt.home (q35 guests do not start yet). An
 * i440fx guest asking for UEFI starts with TCG on the host's OVMF, its NVRAM store made from the template.
 */
class QemuHostFirmwareTest {
    @TempDir
    Path home;

    @Test
    void aQ35EfiDomainGetsTheHostsFirstUefiFirmware() {
        RealQemu.emulator();
        Optional<FirmwareSearchPath.Found> first = FirmwareSelection.forHome(home).searchPath().load().stream()
                .filter(f -> f.descriptor().interfaces().contains("uefi")
                        && f.descriptor().mapping() instanceof FirmwareDescriptor.Flash fl
                        && fl.mode() == FirmwareDescriptor.FlashMode.SPLIT
                        && f.descriptor().targets().stream().anyMatch(t -> t.arch().equals("x86_64")
                                && t.machines().stream().anyMatch(m -> m.startsWith("pc-q35"))))
                .findFirst();
        assumeTrue(first.isPresent(), "no UEFI firmware descriptor for x86_64 q35 machines on this host "
                + "(apt-get install ovmf)");
        FirmwareDescriptor fw = first.get().descriptor();
        FirmwareDescriptor.Flash flash = (FirmwareDescriptor.Flash) fw.mapping();
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML("<domain type='qemu'><name>efi</name><memory unit='MiB'>64</memory>"
                    + "<os firmware='efi'><type arch='x86_64' machine='q35'>hvm</type></os><features><acpi/></features>"
                    + "</domain>");
            String xml = d.getXMLDesc(EnumSet.noneOf(DomainXMLFlag.class));
            assertThat(Path.of(flash.executable().filename())).as("the image the descriptor names").exists();
            assertThat(xml).contains("<os firmware='efi'>")
                    .contains(">" + flash.executable().filename() + "</loader>")
                    .contains("<nvram template='" + flash.nvramTemplate().filename() + "'>"
                            + home.resolve("data/lib/qemu/nvram/efi_VARS.fd") + "</nvram>")
                    .containsPattern("<type arch='x86_64' machine='pc-q35-[0-9.]+'>hvm</type>");
            if (fw.has("requires-smm")) {
                assertThat(xml).contains("<smm state='on'/>").contains(" secure='yes' type='pflash'");
            }
            assertThat(xml).contains("<feature enabled='" + (fw.has("secure-boot") ? "yes" : "no")
                    + "' name='secure-boot'/>");
            assertThat(Files.exists(home.resolve("data/lib/qemu/nvram/efi_VARS.fd")))
                    .as("defining creates no NVRAM store; starting does").isFalse();
            d.undefine();
        }
    }

    @Test
    void anI440fxEfiGuestStartsOnTheHostsOvmfWithItsNvramMadeFromTheTemplate() throws Exception {
        RealQemu.emulator();
        Optional<FirmwareSearchPath.Found> first = FirmwareSelection.forHome(home).searchPath().load().stream()
                .filter(f -> f.descriptor().interfaces().contains("uefi")
                        && f.descriptor().mapping() instanceof FirmwareDescriptor.Flash fl
                        && fl.mode() == FirmwareDescriptor.FlashMode.SPLIT
                        && fl.executable().format().equals("raw") && !f.descriptor().has("requires-smm")
                        && f.descriptor().targets().stream().anyMatch(t -> t.arch().equals("x86_64")
                                && t.machines().stream().anyMatch(m -> m.startsWith("pc-i440fx"))))
                .findFirst();
        assumeTrue(first.isPresent(), "no UEFI firmware descriptor for x86_64 i440fx machines on this host "
                + "(apt-get install ovmf)");
        FirmwareDescriptor.Flash flash = (FirmwareDescriptor.Flash) first.get().descriptor().mapping();
        Path store = home.resolve("data/lib/qemu/nvram/uefi_VARS.fd");
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML("<domain type='qemu'><name>uefi</name><memory unit='MiB'>128</memory>"
                    + "<os firmware='efi'><type arch='x86_64' machine='pc'>hvm</type></os><features><acpi/></features>"
                    + "</domain>");
            assertThat(d.getXMLDesc(EnumSet.noneOf(DomainXMLFlag.class)))
                    .contains(">" + flash.executable().filename() + "</loader>");
            assertThat(store).doesNotExist();
            d.create();
            assertThat(QemuFixture.awaitState(d, org.jvirt.api.DomainState.RUNNING))
                    .isEqualTo(org.jvirt.api.DomainState.RUNNING);
            assertThat(store).exists().hasSameBinaryContentAs(Path.of(flash.nvramTemplate().filename()));
            assertThat(Files.readString(home.resolve("data/log/qemu/uefi.log")))
                    .contains("\"filename\":\"" + flash.executable().filename() + "\"")
                    .contains("pflash0=libvirt-pflash0-format,pflash1=libvirt-pflash1-storage");
            d.destroy();
            // the guest's variables outlive it
            assertThat(store).exists();
            d.undefine();
        }
    }
}
