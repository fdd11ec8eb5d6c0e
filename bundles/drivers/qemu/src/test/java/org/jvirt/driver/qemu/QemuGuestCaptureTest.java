package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCoreDumpFlag;
import org.jvirt.api.DomainCoreDumpFormat;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.Stream;
import org.jvirt.api.StreamFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.AttachableStream;
import org.jvirt.api.driver.StreamChannel;

/** Core dumps, screenshots and keys on a real QEMU. */
class QemuGuestCaptureTest {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path dir;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    /** The platform's stream as a driver sees it, reduced to what a screenshot needs. */
    private static final class ReadStream implements Stream, AttachableStream {
        StreamChannel channel;

        @Override
        public Connect getConnect() {
            return null;
        }

        @Override
        public Set<StreamFlag> flags() {
            return Set.of();
        }

        @Override
        public void attach(StreamChannel c) {
            assertThat(channel).as("attached once").isNull();
            channel = c;
        }

        byte[] readAll() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = channel.recv(buf, 0, buf.length, false)) > 0) {
                out.write(buf, 0, n);
            }
            channel.finish();
            return out.toByteArray();
        }
    }

    @Test
    void coreDumpsPauseTheGuestAndLeaveItRunningOrCrashed() throws Exception {
        AcpiGuest guest = new AcpiGuest(dir);
        Path elf = dir.resolve("memory.core");
        Path full = dir.resolve("full.core");
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainCreateXML(guest.xml("dumper"), Set.of());
            assertThat(guest.awaitOutput("B\n", BOOT)).isTrue();
            f.events.clear();

            d.coreDump(elf.toString(), EnumSet.of(DomainCoreDumpFlag.MEMORY_ONLY));
            assertThat(f.nextLifecycle()).isEqualTo("SUSPENDED/PAUSED");
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/UNPAUSED");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.RUNNING,
                    RunningReason.UNPAUSED.value()));
            byte[] head = Arrays.copyOf(Files.readAllBytes(elf), 4);
            assertThat(head).isEqualTo(new byte[] {0x7f, 'E', 'L', 'F'});
            assertThat(Files.size(elf)).as("the guest's 32 MiB are in it").isGreaterThan(32L << 20);

            assertThatThrownBy(() -> d.coreDumpWithFormat(dir.resolve("no.core").toString(),
                    DomainCoreDumpFormat.KDUMP_ZLIB, Set.of())).isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("Operation not supported: kdump-compressed "
                                    + "format is only supported with memory-only dump"));
            assertThat(dir.resolve("no.core")).doesNotExist();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            f.events.clear();

            // the whole state (QEMU's migration stream), then the guest is gone as crashed
            d.coreDump(full.toString(), EnumSet.of(DomainCoreDumpFlag.CRASH));
            assertThat(f.nextLifecycle()).isEqualTo("SUSPENDED/PAUSED");
            assertThat(f.nextLifecycle()).isEqualTo("STOPPED/CRASHED");
            assertThat(new String(Arrays.copyOf(Files.readAllBytes(full), 4), StandardCharsets.US_ASCII))
                    .isEqualTo("QEVM");
            assertThat(f.conn.listAllDomains(Set.of())).as("the transient domain is gone").isEmpty();

            Domain p = f.conn.domainDefineXML(QemuFixture.xml("kept"));
            p.create();
            p.coreDump(dir.resolve("kept.core").toString(), EnumSet.of(DomainCoreDumpFlag.CRASH,
                    DomainCoreDumpFlag.MEMORY_ONLY));
            assertThat(p.getState()).isEqualTo(new DomainStateInfo(DomainState.SHUTOFF,
                    ShutoffReason.CRASHED.value()));
            assertThatThrownBy(() -> p.coreDump(dir.resolve("off.core").toString(), Set.of()))
                    .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "Requested operation is not valid: domain is not running"));
        }
    }

    @Test
    void aScreenshotIsQemusScreendumpThroughTheStream() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainCreateXML(QemuFixture.xml("screen", "<video><model type='vga'/></video>"),
                    Set.of());
            ReadStream st = new ReadStream();
            String mime = d.screenshot(st, 0);
            byte[] image = st.readAll();
            if (mime.equals("image/png")) {
                assertThat(Arrays.copyOf(image, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            } else {
                assertThat(mime).isEqualTo("image/x-portable-pixmap");
                assertThat(new String(image, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("P6");
            }
            try (var left = Files.list(home.resolve("run/qemu").resolve("domain-" + d.getID() + "-screen"))) {
                assertThat(left.filter(p -> p.getFileName().toString().startsWith("qemu.screendump")))
                        .as("the file goes with the stream").isEmpty();
            }
            assertThatThrownBy(() -> d.screenshot(new ReadStream(), 1)).isInstanceOfSatisfying(
                    VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "Requested operation is not valid: no such screen ID"));

            // QXL cards as libvirt sizes them, the primary one first: QEMU takes them; screen 2 is the second card's
            // (screens count the heads of each card in turn)
            Domain qxl = f.conn.domainCreateXML(QemuFixture.xml("qxl", "<video><model type='qxl' heads='1'/>"
                    + "</video><video><model type='qxl' ram='32768' vram='32768' vgamem='8192' heads='2' "
                    + "primary='yes'/></video>"), Set.of());
            assertThat(qxl.getXMLDesc(Set.of())).containsSubsequence("heads='2' primary='yes'", "heads='1'");
            ReadStream second = new ReadStream();
            assertThat(qxl.screenshot(second, 2)).isEqualTo(mime);
            assertThat(second.readAll()).isNotEmpty();
            qxl.destroy();

            Domain blind = f.conn.domainCreateXML(QemuFixture.xml("blind"), Set.of());
            assertThatThrownBy(() -> blind.screenshot(new ReadStream(), 0)).isInstanceOfSatisfying(
                    VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "Requested operation is not valid: no screens to take screenshot from"));
        }
    }

    @Test
    void keysReachQemuInItsOwnCodes() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainCreateXML(QemuFixture.xml("keys", "<input type='keyboard' bus='ps2'/>"),
                    Set.of());
            d.sendKey(KeycodeSet.LINUX, 10, new int[] {29, 30});
            d.sendKey(KeycodeSet.QNUM, 0, new int[] {0x9d});
            assertThatThrownBy(() -> d.sendKey(KeycodeSet.LINUX, 0, new int[] {111})).isInstanceOfSatisfying(
                    VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "internal error: cannot translate keycode 111 of linux codeset to qnum keycode"));
            assertThatThrownBy(() -> d.sendKey(KeycodeSet.USB, 0, new int[] {4})).isInstanceOfSatisfying(
                    VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "internal error: cannot translate keycode 4 of usb codeset to qnum keycode"));
            d.destroy();
            assertThatThrownBy(() -> d.sendKey(KeycodeSet.QNUM, 0, new int[] {30})).isInstanceOf(
                    VirtException.class);
        }
    }
}
