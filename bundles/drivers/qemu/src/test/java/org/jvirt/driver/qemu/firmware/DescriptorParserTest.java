package org.jvirt.driver.qemu.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Descriptors in QEMU's firmware.json format, read with libvirt's rules and messages. */
class DescriptorParserTest {
    private static final String SPLIT = """
            {
              "description": "a split pflash build",
              "interface-types": ["uefi"],
              "mapping": {
                "device": "flash",
                "executable": {"filename": "/fw/CODE.fd", "format": "raw"},
                "nvram-template": {"filename": "/fw/VARS.fd", "format": "raw"}
              },
              "targets": [{"architecture": "x86_64", "machines": ["pc-q35-*"]},
                          {"architecture": "i386", "machines": ["pc-i440fx-*"]}],
              "features": ["acpi-s3", "requires-smm", "secure-boot", "some-future-feature"],
              "tags": ["anything"]
            }
            """;

    @Test
    void aSplitFlashDescriptorWithItsTargetsAndKnownFeatures() throws Exception {
        FirmwareDescriptor d = DescriptorParser.parse(SPLIT, "split.json");
        assertThat(d.interfaces()).containsExactly("uefi");
        FirmwareDescriptor.Flash flash = (FirmwareDescriptor.Flash) d.mapping();
        // no "mode": split, firmware.json's historical default
        assertThat(flash.mode()).isEqualTo(FirmwareDescriptor.FlashMode.SPLIT);
        assertThat(flash.executable()).isEqualTo(new FirmwareDescriptor.FlashFile("/fw/CODE.fd", "raw"));
        assertThat(flash.nvramTemplate()).isEqualTo(new FirmwareDescriptor.FlashFile("/fw/VARS.fd", "raw"));
        // QEMU's i386 is libvirt's i686
        assertThat(d.targets()).containsExactly(new FirmwareDescriptor.Target("x86_64", List.of("pc-q35-*")),
                new FirmwareDescriptor.Target("i686", List.of("pc-i440fx-*")));
        // an unknown feature is ignored, not an error
        assertThat(d.features()).containsExactly("acpi-s3", "requires-smm", "secure-boot");
    }

    @Test
    void statelessKernelAndMemoryMappings() throws Exception {
        FirmwareDescriptor stateless = DescriptorParser.parse("""
                {"interface-types": ["uefi"], "mapping": {"device": "flash", "mode": "stateless",
                 "executable": {"filename": "/fw/OVMF.fd", "format": "raw"}},
                 "targets": [], "features": []}""", "s.json");
        assertThat(((FirmwareDescriptor.Flash) stateless.mapping()).nvramTemplate()).isNull();
        FirmwareDescriptor kernel = DescriptorParser.parse("""
                {"interface-types": ["openfirmware"], "mapping": {"device": "kernel", "filename": "/fw/slof"},
                 "targets": [{"architecture": "ppc64", "machines": ["pseries-*"]}], "features": []}""", "k.json");
        assertThat(kernel.mapping()).isEqualTo(new FirmwareDescriptor.Kernel("/fw/slof"));
        FirmwareDescriptor rom = DescriptorParser.parse("""
                {"interface-types": ["bios"], "mapping": {"device": "memory", "filename": "/fw/bios.bin"},
                 "targets": [{"architecture": "x86_64", "machines": ["pc-*"]}], "features": ["acpi-s3"]}""",
                "m.json");
        assertThat(rom.mapping()).isEqualTo(new FirmwareDescriptor.Memory("/fw/bios.bin"));
    }

    @Test
    void whatLibvirtCannotReadFailsWithItsMessage() {
        assertBad("{not json", "unable to parse json file 'f.json'");
        assertBad("[]", "unable to parse json file 'f.json'");
        assertBad("{\"mapping\": {}}", "failed to get interface-types from 'f.json'");
        assertBad("{\"interface-types\": [\"efi\"]}", "unknown interface type: 'efi'");
        assertBad("{\"interface-types\": [\"uefi\"]}", "missing mapping in 'f.json'");
        assertBad("{\"interface-types\": [\"uefi\"], \"mapping\": {}}", "missing device type in 'f.json'");
        assertBad("{\"interface-types\": [\"uefi\"], \"mapping\": {\"device\": \"disk\"}}",
                "unknown device type in 'f.json'");
        assertBad("{\"interface-types\": [\"uefi\"], \"mapping\": {\"device\": \"flash\", \"mode\": \"odd\"}}",
                "Firmware flash mode value 'odd' unexpected");
        assertBad("{\"interface-types\": [\"uefi\"], \"mapping\": {\"device\": \"flash\"}}",
                "missing 'executable' in 'f.json'");
        assertBad("{\"interface-types\": [\"uefi\"], \"mapping\": {\"device\": \"flash\", "
                + "\"executable\": {\"filename\": \"/c\"}}}", "missing 'format' in 'f.json'");
        assertBad("{\"interface-types\": [\"uefi\"], \"mapping\": {\"device\": \"flash\", "
                + "\"executable\": {\"filename\": \"/c\", \"format\": \"raw\"}}}",
                "missing 'nvram-template' in 'f.json'");
        String flash = "{\"interface-types\": [\"uefi\"], \"mapping\": {\"device\": \"memory\", \"filename\": \"/b\"}";
        assertBad(flash + "}", "failed to get targets from 'f.json'");
        assertBad(flash + ", \"targets\": [{\"architecture\": \"z80\", \"machines\": []}]}",
                "unknown architecture 'z80'");
        assertBad(flash + ", \"targets\": [{\"architecture\": \"x86_64\"}]}", "missing 'machines' in 'f.json'");
        assertBad(flash + ", \"targets\": []}", "failed to get features from 'f.json'");
    }

    private static void assertBad(String json, String message) {
        assertThatThrownBy(() -> DescriptorParser.parse(json, "f.json"))
                .isInstanceOf(DescriptorParser.BadDescriptorException.class).hasMessage(message);
    }
}
