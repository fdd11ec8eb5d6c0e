package org.jvirt.driver.qemu.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;

/**
 * The domain-wide parts of the QEMU driver's post-parse that need no emulator: its {@code qemu:} namespace
 * (qemuDomainDefNamespaceParse and its sentences), a security label without model, and NUMA cells that leave
 * vCPUs out.
 */
class DomainWidePostParseTest {
    private static final String NS = "xmlns:q='" + QemuNamespace.URI + "'";

    private static DomainDef parsed(String rootAttrs, String body) {
        return DomainXml.parse("<domain type='qemu' " + rootAttrs + "><name>g</name><memory>65536</memory>"
                + "<vcpu>4</vcpu><os><type arch='x86_64'>hvm</type></os>" + body + "</domain>",
                DomainParseOptions.qemu());
    }

    private static String format(DomainDef def) {
        return DomainXml.format(def, EnumSet.of(DomainXMLFlag.INACTIVE));
    }

    @Test
    void theNamespaceIsWrittenWithLibvirtsPrefixDeclaredOnceAndItsCommandLinesMerged() {
        DomainDef def = parsed(NS, "<q:commandline><q:arg value='-a'/><q:env name='E' value='1'/></q:commandline>"
                + "<q:commandline><q:arg value='-b'/></q:commandline>"
                + "<other:x xmlns:other='urn:other'/>");
        QemuNamespace.apply(def);
        String xml = format(def);
        assertThat(xml).startsWith("<domain type='qemu' xmlns:qemu='" + QemuNamespace.URI + "'>\n")
                .contains("  <qemu:commandline>\n    <qemu:arg value='-a'/>\n    <qemu:arg value='-b'/>\n"
                        + "    <qemu:env name='E' value='1'/>\n  </qemu:commandline>\n")
                .doesNotContain("urn:other").doesNotContain("xmlns:q=");
    }

    @Test
    void environmentNamesAndArgumentsAreCheckedWithLibvirtsSentences() {
        assertThatThrownBy(() -> QemuNamespace.apply(parsed(NS, "<q:commandline><q:arg/></q:commandline>")))
                .isInstanceOf(VirtException.class).hasMessageContaining("No qemu command-line argument specified")
                .extracting(e -> ((VirtException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThatThrownBy(() -> QemuNamespace.apply(parsed(NS, "<q:commandline><q:env value='v'/></q:commandline>")))
                .hasMessageContaining("No qemu environment name specified");
        assertThatThrownBy(() -> QemuNamespace.apply(parsed(NS, "<q:commandline><q:env name=''/></q:commandline>")))
                .hasMessageContaining("Empty qemu environment name specified");
        assertThatThrownBy(() -> QemuNamespace.apply(parsed(NS, "<q:commandline><q:env name='1A'/></q:commandline>")))
                .hasMessageContaining("it must begin with a letter or underscore");
        assertThatThrownBy(() -> QemuNamespace.apply(parsed(NS, "<q:commandline><q:env name='A-B'/></q:commandline>")))
                .hasMessageContaining("it must contain only alphanumerics and underscore");
    }

    @Test
    void aLoneLabelWithoutModelTakesTheDriversFirstModelAndIsUnconfined() {
        DomainDef def = parsed("", "<seclabel type='dynamic' relabel='yes'/>");
        SecurityLabels.apply(def);
        assertThat(format(def)).contains("<seclabel type='none' model='none'/>");
        DomainDef based = parsed("", "<seclabel type='dynamic'><baselabel>b</baselabel></seclabel>");
        SecurityLabels.apply(based);
        assertThat(based.seclabels.get(0).model).isNull();
    }

    @Test
    void vcpusNoCellNamesGoToTheFirstCell() {
        DomainDef def = parsed("", "<cpu><numa><cell id='0' cpus='0' memory='1024'/>"
                + "<cell id='1' cpus='2' memory='1024'/></numa></cpu>");
        NumaCpus.rectify(def);
        assertThat(def.cpu.numa.cells.get(0).cpus).isEqualTo("0-1,3");
        assertThat(def.cpu.numa.cells.get(1).cpus).isEqualTo("2");
    }
}
