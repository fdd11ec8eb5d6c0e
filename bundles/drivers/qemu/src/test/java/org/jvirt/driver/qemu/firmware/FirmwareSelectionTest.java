package org.jvirt.driver.qemu.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.command.NewDefinition;

/**
 * Firmware selection on jvirt's own descriptors of the images libvirt's corpus names (test resources
 * firmware/corpus): what a new definition gets, what a loaded one keeps, and libvirt's errors.
 */
class FirmwareSelectionTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearProperties() {
        System.clearProperty(FirmwareSelection.SEARCH_PATH_PROPERTY);
        System.clearProperty(FirmwareSelection.NVRAM_DIR_PROPERTY);
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(FirmwareSelectionTest.class.getResource("/firmware/corpus").toURI());
    }

    private FirmwareSelection selection(Path... folders) {
        return new FirmwareSelection(new FirmwareSearchPath(List.of(folders)), tmp.resolve("nvram"));
    }

    /** A domain with {@code <acpi/>} (UEFI on x86 needs it) unless {@code os} brings its own features. */
    private static DomainDef domain(String machine, String os) {
        String features = os.contains("<features>") ? "" : "<features><acpi/></features>";
        return DomainXml.parse("<domain type='kvm'><name>guest</name><memory>1048576</memory><os" + os
                .replaceFirst(">", "><type arch='x86_64' machine='" + machine + "'>hvm</type>") + features
                + "</domain>", NewDefinition.options());
    }

    private static String os(DomainDef def) {
        String xml = DomainXml.format(def, EnumSet.of(DomainXMLFlag.INACTIVE));
        return xml.substring(xml.indexOf("  <os"), xml.indexOf("</os>") + 5);
    }

    @Test
    void aNewEfiDomainGetsTheFirstFirmwareThatFitsWithItsNvramStore() throws Exception {
        DomainDef def = domain("pc-q35-9.1", " firmware='efi'></os>");
        selection(corpus()).complete(def, true);
        // a new definition may take any image format: the qcow2 build comes first
        assertThat(os(def)).isEqualTo("""
                  <os firmware='efi'>
                    <type arch='x86_64' machine='pc-q35-9.1'>hvm</type>
                    <firmware>
                      <feature enabled='yes' name='enrolled-keys'/>
                      <feature enabled='yes' name='secure-boot'/>
                    </firmware>
                    <loader readonly='yes' secure='yes' type='pflash' format='qcow2'>\
                /usr/share/edk2/ovmf/OVMF_CODE_4M.secboot.qcow2</loader>
                    <nvram template='/usr/share/edk2/ovmf/OVMF_VARS_4M.secboot.qcow2' format='qcow2'>"""
                + tmp.resolve("nvram/guest_VARS.qcow2") + """
                </nvram>
                    <boot dev='hd'/>
                  </os>""");
        assertThat(def.features.smm.state).isEqualTo("on");
    }

    @Test
    void aLoadedDefinitionKeepsARawImageAndRefusalsNarrowTheChoice() throws Exception {
        DomainDef def = domain("pc-q35-9.1", " firmware='efi'><firmware><feature enabled='no' name='secure-boot'/>"
                + "</firmware></os><features><smm state='off'/></features>");
        selection(corpus()).complete(def, false);
        assertThat(def.os.loader.path).isEqualTo("/usr/share/edk2/ovmf/OVMF_CODE.fd");
        assertThat(def.os.loader.format).as("raw is not written").isNull();
        assertThat(def.os.loader.secure).isNull();
        assertThat(def.os.nvram.template).isEqualTo("/usr/share/edk2/ovmf/OVMF_VARS.fd");
        assertThat(def.os.nvram.path).isEqualTo(tmp.resolve("nvram/guest_VARS.fd").toString());
        assertThat(def.features.smm.state).isEqualTo("off");
    }

    @Test
    void aManualLoaderThatADescriptorKnowsIsCompletedAndBecomesAutoSelected() throws Exception {
        DomainDef def = domain("pc-i440fx-9.1",
                "><loader readonly='yes' type='pflash'>/usr/share/edk2/ovmf/OVMF_CODE.fd</loader></os>");
        selection(corpus()).complete(def, true);
        assertThat(def.os.firmware).isEqualTo("efi");
        assertThat(def.os.nvram.template).isEqualTo("/usr/share/edk2/ovmf/OVMF_VARS.fd");
        assertThat(def.os.firmwareElement.features).extracting(f -> f.name + "=" + f.enabled)
                .containsExactly("enrolled-keys=no", "secure-boot=no");
    }

    @Test
    void aCustomLoaderOnlyGetsItsNvramPath() throws Exception {
        DomainDef def = domain("pc-q35-9.1", "><loader readonly='yes' type='pflash'>/opt/fw/CODE.fd</loader>"
                + "<nvram template='/opt/fw/VARS.fd'/></os>");
        selection(corpus()).complete(def, true);
        assertThat(def.os.firmware).isNull();
        assertThat(def.os.firmwareElement).isNull();
        assertThat(def.os.nvram.template).isEqualTo("/opt/fw/VARS.fd");
        assertThat(def.os.nvram.path).isEqualTo(tmp.resolve("nvram/guest_VARS.fd").toString());
    }

    @Test
    void nothingThatFitsIsLibvirtsErrorForANewDefinitionAndNothingChangesForALoadedOne() throws Exception {
        String os = " firmware='efi'><firmware><feature enabled='yes' name='secure-boot'/></firmware></os>";
        DomainDef def = domain("pc-i440fx-9.1", os);
        assertThatThrownBy(() -> selection(corpus()).complete(def, true)).isInstanceOfSatisfying(VirtException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
                    assertThat(e.domain()).isEqualTo(ErrorDomain.QEMU);
                    assertThat(e.getMessage()).isEqualTo("operation failed: Unable to find 'efi' firmware that is "
                            + "compatible with the current configuration");
                });
        DomainDef loaded = domain("pc-i440fx-9.1", os);
        String before = os(loaded);
        selection(corpus()).complete(loaded, false);
        assertThat(os(loaded)).isEqualTo(before);
        // with no descriptors at all, the same
        assertThatThrownBy(() -> selection(tmp.resolve("none")).complete(domain("pc-q35-9.1",
                " firmware='efi'></os>"), true)).hasMessageContaining("Unable to find 'efi' firmware");
    }

    @Test
    void contradictoryRequestsFailWithLibvirtsMessages() throws Exception {
        assertRefused(" firmware='efi'><firmware><feature enabled='yes' name='enrolled-keys'/>"
                + "<feature enabled='no' name='secure-boot'/></firmware></os>", ErrorCode.XML_DETAIL,
                "firmware feature 'enrolled-keys' cannot be enabled when firmware feature 'secure-boot' is disabled");
        assertRefused(" firmware='bios'><nvram>/var/g.fd</nvram></os>", ErrorCode.XML_DETAIL,
                "firmware type 'bios' does not support nvram");
        assertRefused(" firmware='efi'><loader stateless='yes'/><nvram template='/t.fd'/></os>",
                ErrorCode.XML_DETAIL, "NVRAM template is not permitted when loader is stateless");
        assertRefused("><loader type='pflash' stateless='yes'>/c.fd</loader><nvram>/n.fd</nvram></os>",
                ErrorCode.XML_DETAIL, "NVRAM is not permitted when loader is stateless");
        assertRefused("><nvram>/n.fd</nvram></os>", ErrorCode.XML_DETAIL,
                "no loader path specified and firmware auto selection disabled");
        assertRefused(" firmware='efi'><loader format='vmdk'/></os>", ErrorCode.CONFIG_UNSUPPORTED,
                "Unsupported loader format 'vmdk'");
    }

    @Test
    void whatQemuNeedsOfAUefiGuestIsCheckedForANewDefinition() throws Exception {
        assertRefused(" firmware='efi'></os><features><pae/></features>", ErrorCode.CONFIG_UNSUPPORTED,
                "UEFI requires ACPI on this architecture");
        assertRefused("><loader readonly='yes' type='pflash'>/opt/CODE.fd</loader></os><features><pae/></features>",
                ErrorCode.CONFIG_UNSUPPORTED, "UEFI requires ACPI on this architecture");
        assertRefused("><loader readonly='yes' secure='yes' type='pflash'>/opt/CODE.fd</loader></os>",
                ErrorCode.CONFIG_UNSUPPORTED, "Secure boot requires SMM feature enabled");
        DomainDef i440fx = domain("pc-i440fx-9.1",
                "><loader readonly='yes' secure='yes' type='pflash'>/opt/CODE.fd</loader></os>");
        assertThatThrownBy(() -> selection(corpus()).complete(i440fx, true))
                .hasMessage("unsupported configuration: Secure boot is supported with q35 machine types only");
        // a definition loaded again is not refused for it
        DomainDef loaded = domain("pc-q35-9.1", " firmware='efi'></os><features><pae/></features>");
        selection(corpus()).complete(loaded, false);
        assertThat(loaded.os.loader.path).isEqualTo("/usr/share/edk2/ovmf/OVMF_CODE.secboot.fd");
    }

    private void assertRefused(String os, ErrorCode code, String message) throws Exception {
        DomainDef def = domain("pc-q35-9.1", os);
        assertThatThrownBy(() -> selection(corpus()).complete(def, true)).isInstanceOfSatisfying(VirtException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).endsWith(message);
                });
    }

    @Test
    void aBrokenDescriptorDoesNotHideTheOthers() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(mine.resolve("00-broken.json"), "{\"interface-types\": [\"uefi\"]");
        DomainDef def = domain("pc-i440fx-9.1", " firmware='efi'></os>");
        selection(corpus(), mine).complete(def, false);
        assertThat(def.os.loader.path).isEqualTo("/usr/share/edk2/ovmf/OVMF_CODE.fd");
    }

    @Test
    void anotherArchitecturesFirmwareIsNotChosen() throws Exception {
        DomainDef def = domain("pc-q35-9.1", "><loader readonly='yes' type='pflash'>"
                + "/usr/share/edk2/aarch64/QEMU_EFI-silent-pflash.raw</loader></os>");
        selection(corpus()).complete(def, true);
        assertThat(def.os.firmware).as("the aarch64 descriptor names this image, but not for x86_64").isNull();
    }

    @Test
    void theNvramFolderIsUnderJvirtHomeUnlessSet() throws IOException {
        Path home = tmp.resolve("home");
        FirmwareSelection s = FirmwareSelection.forHome(home);
        assertThat(s.nvramDir()).isEqualTo(home.resolve("data/lib/qemu/nvram"));
        assertThat(s.searchPath().folders()).startsWith(Path.of("/usr/share/qemu/firmware"),
                Path.of("/etc/qemu/firmware"));
        System.setProperty(FirmwareSelection.NVRAM_DIR_PROPERTY, "/srv/nvram");
        System.setProperty(FirmwareSelection.SEARCH_PATH_PROPERTY, "/a/fw" + java.io.File.pathSeparator + "/b/fw");
        s = FirmwareSelection.forHome(home);
        assertThat(s.nvramDir()).isEqualTo(Path.of("/srv/nvram"));
        assertThat(s.searchPath().folders()).containsExactly(Path.of("/a/fw"), Path.of("/b/fw"));
    }
}
