package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainDeviceAddedEvent;
import org.jvirt.api.event.DomainDeviceRemovedEvent;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.jvirt.util.HostProcesses;

/**
 * A q35 guest on TCG: its PCI Express topology as the definition gives it (root ports on the root bus, each device
 * behind its own), a disk plugged into the free root port, libvirt's error when no root port is free, and an unplug
 * that waits for a guest that never answers.
 */
class QemuQ35Test {
    @TempDir
    Path home;
    @TempDir
    Path images;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
        RealQemu.qemuImg();
    }

    private static String disk(Path file, String dev) {
        return "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + file
                + "'/><target dev='" + dev + "' bus='virtio'/></disk>";
    }

    private static final String NIC = "<interface type='user'><mac address='52:54:00:35:00:02'/>"
            + "<model type='virtio'/></interface>";

    private static String q35(Path root) {
        return "<domain type='qemu'><name>q35</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='q35'>hvm</type></os><devices>" + disk(root, "vda")
                + rootPorts(6)
                + "<interface type='user'><mac address='52:54:00:35:00:01'/><model type='virtio'/></interface>"
                + "<serial type='pty'/><console type='pty'/><graphics type='vnc' autoport='yes'/>"
                + "</devices></domain>";
    }

    /** Root ports 1 to {@code n}, named by the definition. */
    private static String rootPorts(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("<controller type='pci' index='").append(i).append("' model='pcie-root-port'/>");
        }
        return b.toString();
    }

    /** The bus of the PCI address that follows {@code marker} in {@code xml}. */
    private static int busAfter(String xml, String marker) {
        int at = xml.indexOf(marker);
        assertThat(at).as("%s in %s", marker, xml).isNotNegative();
        Matcher m = Pattern.compile("<address type='pci' domain='0x0000' bus='0x([0-9a-f]+)' slot='0x00' "
                + "function='0x0'/>").matcher(xml);
        assertThat(m.find(at)).as("a PCI address after %s", marker).isTrue();
        return Integer.parseInt(m.group(1), 16);
    }

    /** A root port's slot and function on the root bus, from its {@code <controller>}. */
    private static int[] rootPortAt(String xml, int index) {
        Matcher m = Pattern.compile("<controller type='pci' index='" + index + "' model='pcie-root-port'>\\s*"
                + "<model name='pcie-root-port'/>\\s*<target chassis='" + index + "' port='0x[0-9a-f]+'/>\\s*"
                + "(?:<alias name='pci\\." + index + "'/>\\s*)?<address type='pci' domain='0x0000' bus='0x00' "
                + "slot='0x([0-9a-f]+)' function='0x([0-7])'").matcher(xml);
        assertThat(m.find()).as("root port %d in %s", index, xml).isTrue();
        return new int[] {Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2))};
    }

    /**
     * The qdev ids QEMU has behind the root port {@code pci.N}, after checking that the port sits where the XML
     * puts it; empty until the firmware has numbered the bridges' buses.
     */
    private static java.util.List<String> behind(Domain d, String xml, int port) throws Exception {
        int[] at = rootPortAt(xml, port);
        JsonNode buses = QmpMonitor.JSON.readTree(d.qemuMonitorCommand("{\"execute\":\"query-pci\"}", Set.of()))
                .get("return");
        for (JsonNode dev : buses.get(0).get("devices")) {
            if (("pci." + port).equals(dev.path("qdev_id").asText())) {
                assertThat(dev.path("bus").asInt()).isZero();
                assertThat(new int[] {dev.path("slot").asInt(), dev.path("function").asInt()}).containsExactly(at);
                java.util.List<String> ids = new java.util.ArrayList<>();
                for (JsonNode child : dev.path("pci_bridge").path("devices")) {
                    ids.add(child.path("qdev_id").asText());
                }
                return ids;
            }
        }
        throw new AssertionError("no root port pci." + port + " in " + buses);
    }

    /** Polls (up to 30 s) until QEMU lists {@code id} behind {@code pci.N}, or no longer does. */
    private static void awaitBehind(Domain d, String xml, int port, String id, boolean present) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (behind(d, xml, port).contains(id) != present && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(behind(d, xml, port)).as("behind pci.%d", port).matches(l -> l.contains(id) == present);
    }

    private static String deviceEvent(QemuFixture f) throws InterruptedException {
        while (true) {
            DomainEvent e = f.events.poll(30, TimeUnit.SECONDS);
            if (e == null) {
                return "(none)";
            }
            if (e instanceof DomainDeviceAddedEvent a) {
                return "ADDED " + a.devAlias();
            }
            if (e instanceof DomainDeviceRemovedEvent r) {
                return "REMOVED " + r.devAlias();
            }
        }
    }

    @Test
    void aQ35GuestRunsWithItsRootPortsAndPlugsIntoAFreeOne() throws Exception {
        Path root = images.resolve("root.qcow2");
        Path data = images.resolve("data.qcow2");
        QemuImages.create(root, "qcow2", "16M", null);
        QemuImages.create(data, "qcow2", "8M", null);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(q35(root));
            String defined = d.getXMLDesc(Set.of());
            assertThat(defined).contains("machine='pc-q35-").contains("<controller type='pci' index='0' "
                    + "model='pcie-root'/>").contains("<controller type='sata' index='0'>")
                    .contains("<watchdog model='itco' action='reset'/>");
            int netPort = busAfter(defined, "<mac address='52:54:00:35:00:01'/>");
            int diskPort = busAfter(defined, "<target dev='vda' bus='virtio'/>");
            assertThat(netPort).isEqualTo(1);
            assertThat(diskPort).isEqualTo(3);
            assertThat(defined).contains("<controller type='pci' index='6' model='pcie-root-port'>")
                    .doesNotContain("<controller type='pci' index='7'");

            d.create();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            assertThat(d.qemuMonitorCommand("{\"execute\":\"query-status\"}", Set.of()))
                    .contains("\"status\":\"running\"");
            String live = d.getXMLDesc(Set.of());
            long pid = ((QemuDomain) d).pid();
            awaitBehind(d, live, netPort, "net0", true);
            awaitBehind(d, live, diskPort, "virtio-disk0", true);
            assertThat(Files.readString(home.resolve("data/log/qemu/q35.log"))).contains("-machine pc-q35-")
                    .contains("\"driver\":\"pcie-root-port\"").contains("-global ICH9-LPC.noreboot=off");

            // four of the six root ports are taken (the interface, the USB controller, the disk, the balloon): a disk
            // and an interface go into the other two
            f.events.clear();
            d.attachDevice(disk(data, "vdb"));
            assertThat(deviceEvent(f)).isEqualTo("ADDED virtio-disk1");
            live = d.getXMLDesc(Set.of());
            int hotPort = busAfter(live, "<target dev='vdb' bus='virtio'/>");
            assertThat(hotPort).isEqualTo(5);
            awaitBehind(d, live, hotPort, "virtio-disk1", true);
            d.attachDevice(NIC);
            assertThat(deviceEvent(f)).isEqualTo("ADDED net1");
            live = d.getXMLDesc(Set.of());
            assertThat(busAfter(live, "<mac address='52:54:00:35:00:02'/>")).isEqualTo(6);
            awaitBehind(d, live, 6, "net1", true);

            // no root port is left: a running guest gets no new one
            assertThatThrownBy(() -> d.attachDevice(disk(data, "vdc"))).isInstanceOfSatisfying(
                    VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
                        assertThat(e.getMessage()).isEqualTo("internal error: No more available PCI slots");
                    });
            assertThat(d.getXMLDesc(Set.of())).doesNotContain("<target dev='vdc'").isEqualTo(live);

            // QEMU 7.2's q35 unplugs through ACPI, which needs the guest's consent; SeaBIOS never gives it: after
            // libvirt's wait the call returns and the disk stays, in QEMU and in the live XML
            d.detachDevice(disk(data, "vdb"));
            assertThat(d.getXMLDesc(Set.of())).contains(data.toString());
            assertThat(behind(d, live, hotPort)).contains("virtio-disk1");
            assertThat(f.events.stream().noneMatch(e -> e instanceof DomainDeviceRemovedEvent)).isTrue();

            d.destroy();
            assertThat(HostProcesses.isRunning(pid, -1)).isFalse();
            try (var s = Files.list(home.resolve("run/qemu"))) {
                assertThat(s).isEmpty();
            }
            assertThat(d.getXMLDesc(Set.of())).isEqualTo(defined);
        }
    }
}
