package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.util.HostProcesses;

/**
 * Bad input fails with libvirt's error (code, domain, message, QEMU's own words where libvirt quotes them) and
 * leaves nothing behind: no QEMU with the domain's UUID, no monitor socket, pid file or status file.
 */
class QemuBadInputTest {
    @TempDir
    Path home;
    @TempDir
    Path images;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    private static String xml(String name, UUID uuid, String emulator, String machine, String devices) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid><memory unit='MiB'>32</memory>"
                + "<vcpu>1</vcpu><os><type arch='x86_64' machine='" + machine + "'>hvm</type></os><devices>"
                + (emulator == null ? "" : "<emulator>" + emulator + "</emulator>") + devices + "</devices></domain>";
    }

    private static String disk(Path file, String format) {
        return "<disk type='file' device='disk'><driver name='qemu' type='" + format + "'/><source file='" + file
                + "'/><target dev='vda' bus='virtio'/></disk>";
    }

    /** Nothing of a failed start remains: no process, and nothing under run/qemu. */
    private void assertNothingLeft(UUID uuid) throws IOException {
        assertThat(HostProcesses.withArgument(uuid.toString())).as("QEMU processes with the domain's UUID").isEmpty();
        try (Stream<Path> s = Files.walk(home.resolve("run/qemu"))) {
            assertThat(s.filter(p -> !p.equals(home.resolve("run/qemu"))).toList())
                    .as("monitor sockets, pid files, status files").isEmpty();
        }
    }

    private static void assertError(Throwable t, ErrorCode code, ErrorDomain domain, String message) {
        assertThat(t).isInstanceOf(VirtException.class);
        VirtException e = (VirtException) t;
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.domain()).isEqualTo(domain);
    }

    @Test
    void anEmulatorThatDoesNotExist() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (QemuFixture f = new QemuFixture(home)) {
            String bad = xml("noemu", uuid, "/usr/bin/qemu-system-none", "pc", "");
            Throwable define = org.assertj.core.api.Assertions.catchThrowable(() -> f.conn.domainDefineXML(bad));
            assertError(define, ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Cannot check QEMU binary /usr/bin/qemu-system-none: No such file or directory");
            Throwable create = org.assertj.core.api.Assertions.catchThrowable(
                    () -> f.conn.domainCreateXML(bad, Set.of()));
            assertError(create, ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Cannot check QEMU binary /usr/bin/qemu-system-none: No such file or directory");
            assertThat(f.conn.listAllDomains(Set.of())).isEmpty();
            assertThat(Files.exists(home.resolve("etc/qemu/noemu.xml"))).isFalse();

            // an emulator that goes away after the domain was defined: start fails the same way
            Path wrapper = images.resolve("qemu-wrapper");
            Files.writeString(wrapper, "#!/bin/sh\nexec " + RealQemu.X86_64 + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            Domain d = f.conn.domainDefineXML(xml("goneemu", uuid, wrapper.toString(), "pc", ""));
            Files.delete(wrapper);
            Throwable start = org.assertj.core.api.Assertions.catchThrowable(d::create);
            assertError(start, ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Cannot check QEMU binary " + wrapper + ": No such file or directory");
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            assertThat(d.getID()).isEqualTo(-1);
        }
        assertNothingLeft(uuid);
    }

    @Test
    void aDiskImageThatDoesNotExist() throws Exception {
        UUID uuid = UUID.randomUUID();
        HostProcesses.Ids ids = HostProcesses.self();
        Path missing = images.resolve("missing.qcow2");
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(xml("nodisk", uuid, null, "pc", disk(missing, "qcow2")));
            assertThat(f.nextLifecycle()).isEqualTo("DEFINED/ADDED");
            Throwable start = org.assertj.core.api.Assertions.catchThrowable(d::create);
            assertError(start, ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE, "Cannot access storage file '" + missing
                    + "' (as uid:" + ids.uid() + ", gid:" + ids.gid() + "): No such file or directory");
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            assertNothingLeft(uuid);

            // a backing file that went away: libvirt names it and the image that needs it
            Path base = images.resolve("base.qcow2");
            Path top = images.resolve("top.qcow2");
            QemuImages.create(base, "qcow2", "1M", null);
            QemuImages.create(top, "qcow2", null, base);
            Files.delete(base);
            Throwable chain = org.assertj.core.api.Assertions.catchThrowable(
                    () -> f.conn.domainCreateXML(xml("nobase", UUID.randomUUID(), null, "pc", disk(top, "qcow2")),
                            Set.of()));
            assertError(chain, ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE, "Cannot access backing file '" + base
                    + "' of storage file '" + top + "' (as uid:" + ids.uid() + ", gid:" + ids.gid()
                    + "): No such file or directory");
            assertThat(QemuFixture.names(f.conn.listAllDomains(Set.of()))).containsExactly("nodisk");
            assertThat(f.events.stream().filter(e -> e instanceof org.jvirt.api.event.DomainLifecycleEvent))
                    .as("a start that fails reports no event").isEmpty();
        }
        assertNothingLeft(uuid);
    }

    @Test
    void aMachineTypeQemuLacks() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (QemuFixture f = new QemuFixture(home)) {
            String bad = xml("nomachine", uuid, null, "pc-i440fx-99.0", "");
            Throwable define = org.assertj.core.api.Assertions.catchThrowable(() -> f.conn.domainDefineXML(bad));
            assertError(define, ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "unsupported configuration: "
                    + "Emulator '/usr/bin/qemu-system-x86_64' does not support machine type 'pc-i440fx-99.0'");
            assertThatThrownBy(() -> f.conn.domainCreateXML(bad, Set.of())).isInstanceOfSatisfying(
                    VirtException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_UNSUPPORTED));
            assertThat(f.conn.listAllDomains(Set.of())).isEmpty();
            assertThat(Files.exists(home.resolve("etc/qemu/nomachine.xml"))).isFalse();
        }
        assertNothingLeft(uuid);
    }

    @Test
    void aQemuThatDiesWhileStarting() throws Exception {
        UUID uuid = UUID.randomUUID();
        // declared qcow2, but raw zeros: QEMU refuses it after it has made its monitor socket
        Path notQcow = images.resolve("not-qcow2.img");
        Files.write(notQcow, new byte[1 << 20]);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(xml("dies", uuid, null, "pc", disk(notQcow, "qcow2")));
            Throwable start = org.assertj.core.api.Assertions.catchThrowable(d::create);
            assertThat(start).isInstanceOf(VirtException.class);
            VirtException e = (VirtException) start;
            assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(e.domain()).isEqualTo(ErrorDomain.QEMU);
            // QEMU's own line, with its time stamp (-msg timestamp=on), as libvirt quotes it
            assertThat(e.getMessage()).matches("internal error: process exited while connecting to monitor: "
                    + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z qemu-system-x86_64: -blockdev "
                    + "\\{\"node-name\":\"libvirt-1-format\",.*\\}: Image is not in qcow2 format");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.SHUTOFF, ShutoffReason.FAILED.value()));
            assertNothingLeft(uuid);
            // the log keeps the command line and QEMU's words
            assertThat(Files.readString(home.resolve("data/log/qemu/dies.log"))).contains("-uuid " + uuid)
                    .contains("Image is not in qcow2 format");

            // an emulator that answers the capabilities probe but exits when asked to run a guest
            Path wrapper = images.resolve("qemu-refuses");
            Files.writeString(wrapper, "#!/bin/sh\ncase \" $* \" in *\" -name \"*) echo 'refusing: no guests today' >&2;"
                    + " echo 'second line' >&2; exit 1;; esac\nexec " + RealQemu.X86_64 + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            UUID other = UUID.randomUUID();
            Throwable create = org.assertj.core.api.Assertions.catchThrowable(() -> f.conn.domainCreateXML(
                    xml("refused", other, wrapper.toString(), "pc", ""), Set.of()));
            assertError(create, ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "internal error: process exited while connecting to monitor: refusing: no guests today\n"
                            + "second line");
            assertThat(QemuFixture.names(f.conn.listAllDomains(Set.of()))).containsExactly("dies");
            assertNothingLeft(other);
        }
        assertNothingLeft(uuid);
    }

    @Test
    void libvirtsFilterOfTheQuotedLog() {
        assertThat(QemuLog.filter("a\n2024-01-02 03:04:05.678+0000: 42: debug : noise\nchar device redirected to "
                + "/dev/pts/3 (label charserial0)\nb\n")).isEqualTo("a\nb");
        String longLog = "x".repeat(600) + "\n" + "y".repeat(600) + "\n" + "z".repeat(100) + "\n";
        assertThat(QemuLog.filter(longLog)).isEqualTo("y".repeat(600) + "\n" + "z".repeat(100));
        assertThat(QemuLog.filter("")).isEmpty();
        assertThat(List.of(QemuLog.filter("only\n"))).containsExactly("only");
    }
}
