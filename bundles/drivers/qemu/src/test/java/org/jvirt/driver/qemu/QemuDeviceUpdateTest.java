package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainDeviceModifyFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.qemu.QemuMonitorCommandFlag;

/** virDomainUpdateDeviceFlags on a real QEMU: an interface's link state, live and persistent; what it refuses. */
class QemuDeviceUpdateTest {
    private static final String MAC = "52:54:00:aa:bb:01";

    @TempDir
    Path home;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    private static String nic(String mac, String model, String link) {
        return "<interface type='user'><mac address='" + mac + "'/><model type='" + model + "'/>"
                + (link == null ? "" : "<link state='" + link + "'/>") + "</interface>";
    }

    /**
     * Whether the e1000 tells the guest its link is up: bit 1 (LU) of its STATUS register (offset 8 of BAR 0), read
     * through HMP once SeaBIOS has placed the BAR (QEMU's monitor shows a link's state nowhere else).
     */
    /** The link state the guest sees, once it is {@code expected} or ten seconds passed (link-up autonegotiates). */
    private static boolean linkUpAfterwards(Domain d, boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean up = guestSeesLinkUp(d);
        while (up != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            up = guestSeesLinkUp(d);
        }
        return up;
    }

    private static boolean guestSeesLinkUp(Domain d) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Matcher m = Pattern.compile("Ethernet controller.*?BAR0: 32 bit memory at (0x[0-9a-f]+)", Pattern.DOTALL)
                    .matcher(d.qemuMonitorCommand("info pci", EnumSet.of(QemuMonitorCommandFlag.HMP)));
            if (m.find() && !m.group(1).startsWith("0xffff")) {
                long status = Long.decode(m.group(1)) + 8;
                String out = d.qemuMonitorCommand("xp /1wx 0x" + Long.toHexString(status),
                        EnumSet.of(QemuMonitorCommandFlag.HMP));
                long value = Long.decode(out.substring(out.indexOf(": ") + 2).strip());
                return (value & 2) != 0;
            }
            assertThat(System.nanoTime()).as("SeaBIOS placed the NIC's BAR").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void assertError(Throwable t, ErrorCode code, String message) {
        assertThat(t).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.domain()).isEqualTo(ErrorDomain.QEMU);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void theLinkGoesDownAndUpInQemuAndTheDefinitionsFollowTheFlags() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("link", nic(MAC, "e1000", null)));
            d.create();
            assertThat(linkUpAfterwards(d, true)).isTrue();

            d.updateDeviceFlags(nic(MAC, "e1000", "down"), EnumSet.of(DomainDeviceModifyFlag.LIVE));
            assertThat(linkUpAfterwards(d, false)).isFalse();
            assertThat(d.getXMLDesc(Set.of())).contains("<link state='down'/>").contains("<alias name='net0'/>");
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).as("LIVE leaves the definition")
                    .doesNotContain("<link");
            assertThat(Files.readString(home.resolve("run/qemu/link.xml"))).contains("<link state='down'/>");

            d.updateDeviceFlags(nic(MAC, "e1000", "down"), EnumSet.of(DomainDeviceModifyFlag.CONFIG));
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).contains("<link state='down'/>");
            assertThat(Files.readString(home.resolve("etc/qemu/link.xml"))).contains("<link state='down'/>");

            d.updateDeviceFlags(nic(MAC, "e1000", "up"), EnumSet.of(DomainDeviceModifyFlag.LIVE));
            assertThat(linkUpAfterwards(d, true)).isTrue();
            assertThat(d.getXMLDesc(Set.of())).contains("<link state='up'/>");

            // a definition with the link down starts with it down (set before the guest runs)
            d.destroy();
            d.create();
            assertThat(d.getXMLDesc(Set.of())).contains("<link state='down'/>");
            assertThat(linkUpAfterwards(d, false)).isFalse();
        }
    }

    @Test
    void whatARunningInterfaceCannotChangeIsRefusedAndNothingChanges() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("refuse", nic(MAC, "e1000", null)));
            d.create();
            String before = d.getXMLDesc(Set.of());
            assertError(catchThrowable(() -> d.updateDeviceFlags(nic(MAC, "rtl8139", "down"),
                    EnumSet.of(DomainDeviceModifyFlag.LIVE))), ErrorCode.OPERATION_UNSUPPORTED,
                    "Operation not supported: cannot modify network device model from e1000 to rtl8139");
            assertError(catchThrowable(() -> d.updateDeviceFlags("<interface type='user'><mac address='" + MAC
                    + "'/><model type='e1000'/><address type='pci' domain='0x0000' bus='0x00' slot='0x09' "
                    + "function='0x0'/></interface>", EnumSet.of(DomainDeviceModifyFlag.LIVE))),
                    ErrorCode.OPERATION_UNSUPPORTED,
                    "Operation not supported: cannot modify network device guest PCI address");
            assertError(catchThrowable(() -> d.updateDeviceFlags(nic("52:54:00:aa:bb:99", "e1000", "down"),
                    EnumSet.of(DomainDeviceModifyFlag.LIVE))), ErrorCode.DEVICE_MISSING,
                    "device not found: no device matching MAC address 52:54:00:aa:bb:99 found");
            assertError(catchThrowable(() -> d.updateDeviceFlags("<disk type='file' device='cdrom'>"
                    + "<target dev='hdc' bus='ide'/><readonly/></disk>", EnumSet.of(DomainDeviceModifyFlag.LIVE))),
                    ErrorCode.INTERNAL_ERROR, "internal error: disk 'hdc' not found");
            assertThat(d.getXMLDesc(Set.of())).isEqualTo(before);
            assertThat(linkUpAfterwards(d, true)).isTrue();
        }
    }

    @Test
    void anInterfaceGivenWithoutMacIsTheDomainsOnlyOneForUpdateAndDetach() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("nomac", nic(MAC, "e1000", null)));
            d.create();
            // the parse generates a MAC for the device XML; matching ignores it, as libvirt's mac_generated
            d.updateDeviceFlags("<interface type='user'><model type='e1000'/><link state='down'/></interface>",
                    EnumSet.of(DomainDeviceModifyFlag.LIVE, DomainDeviceModifyFlag.CONFIG));
            assertThat(d.getXMLDesc(Set.of())).contains("<link state='down'/>").contains(MAC);
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).contains("<link state='down'/>");
            d.detachDeviceFlags("<interface type='user'/>", EnumSet.of(DomainDeviceModifyFlag.CONFIG));
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).doesNotContain("<interface");
            assertThat(Files.readString(home.resolve("etc/qemu/nomac.xml"))).doesNotContain("<interface");
            assertThat(d.getXMLDesc(Set.of())).as("CONFIG leaves the running guest").contains(MAC);
            assertThat(catchThrowable(() -> d.detachDeviceFlags("<interface type='user'/>",
                    EnumSet.of(DomainDeviceModifyFlag.CONFIG)))).isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("device not found: no matching device found"));
            d.destroy();
        }
    }
}
