package org.jvirt.driver.qemu.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.command.NewDefinition;

/** The NVRAM store a start makes from its template, and keeps once made. */
class FirmwareNvramTest {
    @TempDir
    Path tmp;

    private static DomainDef domain(String nvram) {
        return DomainXml.parse("<domain type='qemu'><name>g</name><memory>65536</memory><os>"
                + "<type arch='x86_64' machine='pc-i440fx-9.1'>hvm</type>"
                + "<loader readonly='yes' type='pflash'>/fw/CODE.fd</loader>" + nvram + "</os></domain>",
                NewDefinition.options());
    }

    @Test
    void aMissingStoreIsCopiedFromTheTemplateAndThenKept() throws Exception {
        Path template = Files.write(tmp.resolve("VARS.fd"), new byte[] {1, 2, 3});
        Path store = tmp.resolve("nvram/g_VARS.fd");
        DomainDef def = domain("<nvram template='" + template + "'>" + store + "</nvram>");
        FirmwareNvram.prepare(def);
        assertThat(store).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        Files.write(store, new byte[] {9});
        FirmwareNvram.prepare(def);
        assertThat(store).as("the guest's variables are kept").hasBinaryContent(new byte[] {9});
    }

    @Test
    void aMissingStoreWithoutTemplateIsLibvirtsError() {
        DomainDef def = domain("<nvram>" + tmp.resolve("g_VARS.fd") + "</nvram>");
        assertThatThrownBy(() -> FirmwareNvram.prepare(def)).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
            assertThat(e.getMessage()).isEqualTo("operation failed: unable to find any master var store for "
                    + "loader: /fw/CODE.fd");
        });
    }

    @Test
    void aStoreOnTheNetworkIsLeftAlone() {
        DomainDef def = domain("<nvram type='network'><source protocol='nbd' name='bar'>"
                + "<host name='example.org' port='6000'/></source></nvram>");
        FirmwareNvram.prepare(def);
        assertThat(tmp).isEmptyDirectory();
    }
}
