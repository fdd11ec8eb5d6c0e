package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.junit.jupiter.api.Test;

/** Parsing and formatting of single documents: defaults, units, escaping, and libvirt's error texts. */
class DomainXmlTest {
    private static final String MIN = "<domain type='test'><name>a</name><memory>1024</memory>"
            + "<os><type>hvm</type></os></domain>";

    private static DomainDef parse(String xml) {
        return DomainXml.parse(xml, DomainParseOptions.testDriver().withRandom(new Random(1)));
    }

    @Test
    void fillsTheTestDriversDefaults() {
        DomainDef d = parse(MIN.replace("<name>a</name>", "<name>a</name><uuid>20747820fab54cc4a5e8056b2b8eb6ce</uuid>"));
        assertThat(DomainXml.format(d, Set.of())).isEqualTo("""
                <domain type='test'>
                  <name>a</name>
                  <uuid>20747820-fab5-4cc4-a5e8-056b2b8eb6ce</uuid>
                  <memory unit='KiB'>1024</memory>
                  <currentMemory unit='KiB'>1024</currentMemory>
                  <vcpu placement='static'>1</vcpu>
                  <os>
                    <type arch='i686'>hvm</type>
                    <boot dev='hd'/>
                  </os>
                  <clock offset='utc'/>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                  </devices>
                </domain>
                """);
    }

    @Test
    void generatesAUuidWhenNoneIsGiven() {
        DomainDef d = parse(MIN);
        assertThat(d.uuid).isNotNull();
        assertThat(d.uuid.version()).isEqualTo(4);
    }

    @Test
    void normalisesEveryMemoryUnitToKiB() {
        String[][] cases = {{"b", "1048576", "1024"}, {"bytes", "1025", "2"}, {"k", "5", "5"}, {"KiB", "5", "5"},
            {"KB", "1000", "977"}, {"M", "1", "1024"}, {"MiB", "2", "2048"}, {"MB", "1", "977"},
            {"G", "1", "1048576"}, {"GiB", "1", "1048576"}, {"GB", "1", "976563"}, {"T", "1", "1073741824"},
            {"TiB", "1", "1073741824"}, {"TB", "1", "976562500"}};
        for (String[] c : cases) {
            DomainDef d = parse(MIN.replace("<memory>1024</memory>",
                    "<memory unit='" + c[0] + "'>" + c[1] + "</memory>"));
            assertThat(d.memoryKiB()).as(c[0]).isEqualTo(Long.parseLong(c[2]));
            assertThat(DomainXml.format(d, Set.of())).contains("<memory unit='KiB'>" + c[2] + "</memory>");
        }
    }

    @Test
    void anAllZeroMacIsReplacedByAGeneratedOneAsWhenNoneIsGiven() {
        String net = MIN.replace("</os>", "</os><devices><interface type='bridge'><source bridge='br0'/>%s"
                + "</interface></devices>");
        // a fixed source: both documents draw the same three bytes
        DomainDef none = DomainXml.parse(net.formatted(""), DomainParseOptions.testDriver().withRandom(new Random(7)));
        DomainDef zero = DomainXml.parse(net.formatted("<mac address='0:00:0:00:00:0'/>"),
                DomainParseOptions.testDriver().withRandom(new Random(7)));
        String generated = none.devices().interfaces.get(0).mac.address;
        assertThat(generated).matches("52:54:00(:[0-9a-f]{2}){3}").isNotEqualTo("52:54:00:00:00:00");
        assertThat(zero.devices().interfaces.get(0).mac.address).isEqualTo(generated);
        assertThat(none.devices().interfaces.get(0).mac.generated).isTrue();
        assertThat(zero.devices().interfaces.get(0).mac.generated).isTrue();
        DomainDef given = parse(net.formatted("<mac address='00:00:00:00:00:01'/>"));
        assertThat(given.devices().interfaces.get(0).mac.address).as("only all zeros is cleared")
                .isEqualTo("00:00:00:00:00:01");
        assertThat(given.devices().interfaces.get(0).mac.generated).isFalse();
        assertThat(DomainXml.parse(DomainXml.format(zero, Set.of()), DomainParseOptions.testDriver())
                .devices().interfaces.get(0).mac.generated).as("a generated address, once written, is given").isFalse();
        DomainDef typed = parse(net.formatted("<mac address='00:00:00:00:00:00' type='static' check='no'/>"));
        assertThat(DomainXml.format(typed, Set.of())).as("the element's other attributes are kept")
                .containsPattern("<mac address='52:54:00(:[0-9a-f]{2}){3}' type='static' check='no'/>");
    }

    @Test
    void disksWithoutMediumAreWrittenAsVirsh90WritesThem() {
        // no <source>: an empty file whatever the type; an empty path or an empty <source>: no <source> written
        String xml = "<domain type='test'><name>media</name><uuid>20747820-fab5-4cc4-a5e8-056b2b8eb6ce</uuid>"
                + "<memory>1024</memory><os><type>hvm</type></os><devices>"
                + "<disk type='network' device='cdrom'><driver name='qemu' type='raw'/><target dev='hdd' bus='ide'/>"
                + "</disk>"
                + "<disk type='block' device='cdrom'><source dev=''/><target dev='hdc'/></disk>"
                + "<disk type='file' device='cdrom'><source file='' startupPolicy='optional'/><target dev='hdb'/>"
                + "</disk>"
                + "<disk type='file' device='cdrom'><source/><target dev='hda'/></disk>"
                + "<disk type='dir' device='floppy'><source dir=''/><target dev='fda'/></disk>"
                + "<disk type='volume' device='lun'><source pool='p' volume='v'/><target dev='sda' bus='scsi'/></disk>"
                + "</devices></domain>";
        assertThat(DomainXml.format(parse(xml), EnumSet.of(DomainXMLFlag.INACTIVE))).isEqualTo("""
                <domain type='test'>
                  <name>media</name>
                  <uuid>20747820-fab5-4cc4-a5e8-056b2b8eb6ce</uuid>
                  <memory unit='KiB'>1024</memory>
                  <currentMemory unit='KiB'>1024</currentMemory>
                  <vcpu placement='static'>1</vcpu>
                  <os>
                    <type arch='i686'>hvm</type>
                    <boot dev='hd'/>
                  </os>
                  <clock offset='utc'/>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <disk type='file' device='cdrom'>
                      <driver name='qemu' type='raw'/>
                      <target dev='hdd' bus='ide'/>
                      <readonly/>
                      <address type='drive' controller='0' bus='1' target='0' unit='1'/>
                    </disk>
                    <disk type='file' device='cdrom'>
                      <target dev='hda' bus='ide'/>
                      <readonly/>
                      <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                    </disk>
                    <disk type='dir' device='floppy'>
                      <target dev='fda' bus='fdc'/>
                      <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                    </disk>
                    <disk type='file' device='cdrom'>
                      <source startupPolicy='optional'/>
                      <target dev='hdb' bus='ide'/>
                      <readonly/>
                      <address type='drive' controller='0' bus='0' target='0' unit='1'/>
                    </disk>
                    <disk type='block' device='cdrom'>
                      <target dev='hdc' bus='ide'/>
                      <readonly/>
                      <address type='drive' controller='0' bus='1' target='0' unit='0'/>
                    </disk>
                    <disk type='volume' device='lun'>
                      <source pool='p' volume='v'/>
                      <target dev='sda' bus='scsi'/>
                      <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                    </disk>
                    <controller type='scsi' index='0'/>
                    <controller type='fdc' index='0'/>
                    <controller type='ide' index='0'/>
                  </devices>
                </domain>
                """);
    }

    @Test
    void aSourceIndexIsReadFromLiveStatusOnly() {
        String xml = MIN.replace("</os>", "</os><devices><disk type='file' device='cdrom'><source index='3'/>"
                + "<target dev='hdc'/></disk><disk type='file' device='disk'><source file='/a' index='2'/>"
                + "<target dev='vda' bus='virtio'/></disk></devices>");
        // virsh 9.0 defines this domain with neither index, and without the cdrom's <source>
        String defined = DomainXml.format(parse(xml), Set.of());
        assertThat(defined).doesNotContain("index='2'", "index='3'").contains("<source file='/a'/>")
                .doesNotContain("<source/>").containsOnlyOnce("<source");
        String live = DomainXml.format(DomainXml.parse(xml, DomainParseOptions.testDriver().live()), Set.of());
        assertThat(live).contains("<source index='3'/>").contains("<source file='/a' index='2'/>");
    }

    @Test
    void keepsAnEmptyMetadataElementAsLibvirtDoes() {
        DomainDef d = parse(MIN.replace("<name>a</name>", "<name>a</name><uuid>20747820fab54cc4a5e8056b2b8eb6ce</uuid>"
                + "<metadata/>"));
        assertThat(DomainXml.format(d, Set.of())).contains("</uuid>\n  <metadata/>\n  <memory unit='KiB'>");
        assertThat(DomainXml.format(parse(MIN), Set.of())).as("none when the document has none")
                .doesNotContain("metadata");
    }

    @Test
    void escapesAsLibvirtAndKeepsMetadata() {
        DomainDef d = parse(MIN.replace("<name>a</name>", "<name>a</name><title>T &amp; \"q\" 'a' &lt;x&gt;</title>"
                + "<metadata><app:foo xmlns:app=\"http://example.org/app\"><bar a=\"1\">x</bar></app:foo>"
                + "<plain/></metadata>"));
        String xml = DomainXml.format(d, Set.of());
        assertThat(xml).contains("  <title>T &amp; &quot;q&quot; &apos;a&apos; &lt;x&gt;</title>\n");
        assertThat(xml).contains("""
                  <metadata>
                    <app:foo xmlns:app="http://example.org/app">
                      <bar a="1">x</bar>
                    </app:foo>
                  </metadata>
                """);
        assertThat(xml).doesNotContain("plain");
    }

    @Test
    void hidesPasswordsUnlessSecureAndIdWhenInactive() {
        DomainDef d = DomainXml.parse(MIN.replace("<os>", "<devices><graphics type='vnc' passwd='s3'/></devices><os>"),
                DomainParseOptions.testDriver());
        d.id = 4;
        assertThat(DomainXml.format(d, Set.of())).startsWith("<domain type='test' id='4'>").doesNotContain("s3");
        assertThat(DomainXml.format(d, EnumSet.of(DomainXMLFlag.SECURE))).contains("passwd='s3'");
        assertThat(DomainXml.format(d, EnumSet.of(DomainXMLFlag.INACTIVE))).startsWith("<domain type='test'>\n");
    }

    @Test
    void reportsLibvirtsErrors() {
        error(MIN.replace("<name>a</name>", ""), ErrorCode.NO_NAME, ErrorDomain.DOMAIN, "missing name information");
        error(MIN.replace("type='test'", "type='foo'"), ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                "unsupported configuration: invalid domain type foo");
        error(MIN.replace(" type='test'", ""), ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                "internal error: missing domain type attribute");
        error(MIN.replace("<memory>1024</memory>", ""), ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                "XML error: Memory size must be specified via <memory> or in the <numa> configuration");
        error(MIN.replace("<os><type>hvm</type></os>", ""), ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                "XML error: an os <type> must be specified");
        error(MIN.replace(">hvm<", ">foo<"), ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                "unsupported configuration: unknown OS type 'foo'");
        error(MIN.replace("<memory>", "<memory unit='xx'>"), ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                "invalid argument: unknown suffix 'xx'");
        error(MIN.replace("1024", "abc"), ErrorCode.XML_ERROR, ErrorDomain.XML,
                "XML error: Invalid value 'abc' for element or attribute './memory[1]'");
        error(MIN.replace("<name>a</name>", "<name>a</name><uuid>zzz</uuid>"), ErrorCode.INTERNAL_ERROR,
                ErrorDomain.DOMAIN, "internal error: malformed uuid element");
        error(MIN.replace(">a<", ">a/b<"), ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                "XML error: name a/b cannot contain '/'");
        error("<network/>", ErrorCode.XML_ERROR, ErrorDomain.XML,
                "XML error: expecting root element of 'domain', not 'network'");
        error(MIN.replace("</os>", "</os><devices><disk type='xx'/></devices>"), ErrorCode.XML_ERROR, ErrorDomain.XML,
                "XML error: Invalid value for attribute 'type' in element 'disk': 'xx'.");
        error(MIN.replace("</os>", "</os><devices><disk type='file'><source file='/x'/></disk></devices>"),
                ErrorCode.NO_TARGET, ErrorDomain.DOMAIN, "missing target information for device /x");
        error(MIN.replace("</os>", "</os><on_poweroff>xx</on_poweroff>"), ErrorCode.CONFIG_UNSUPPORTED,
                ErrorDomain.DOMAIN, "unsupported configuration: unknown on_poweroff action: xx");
        error(MIN.replace("</os>", "</os><vcpu>x</vcpu>"), ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                "XML error: maximum vcpus count must be an integer");
        error(MIN.replace("</os>", "</os><vcpu current='4'>2</vcpu>"), ErrorCode.CONFIG_UNSUPPORTED,
                ErrorDomain.DOMAIN, "unsupported configuration: maximum vCPU count must not be less than current "
                        + "vCPU count");
        error(MIN.replace("</os>", "</os><devices><interface type='network'><mac address='zz'/>"
                + "<source network='default'/></interface>"
                + "</devices>"), ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "XML error: unable to parse mac address 'zz'");
    }

    @Test
    void malformedXmlGetsLibvirtsShape() {
        assertThatThrownBy(() -> DomainXml.parse("<domain")).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.XML_DETAIL);
            assertThat(e.domain()).isEqualTo(ErrorDomain.DOMAIN);
            assertThat(e.getMessage()).startsWith("(domain_definition):1: ").contains(" line 1 column ")
                    .endsWith("\n<domain\n" + "-".repeat(e.getMessage().length() - e.getMessage().lastIndexOf('\n')
                            - 2) + "^");
        });
        assertThatThrownBy(() -> DomainXml.parse("<domain type='test'>\n  <name>a</nam>\n</domain>"))
                .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage())
                        .startsWith("(domain_definition):2: ").contains("\n  <name>a</nam>\n"));
    }

    private static void error(String xml, ErrorCode code, ErrorDomain domain, String message) {
        assertThatThrownBy(() -> parse(xml)).as(message).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.domain()).isEqualTo(domain);
        });
    }
}
