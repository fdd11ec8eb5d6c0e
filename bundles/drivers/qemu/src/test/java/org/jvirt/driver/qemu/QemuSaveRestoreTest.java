package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainSaveRestoreFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.util.HostProcesses;

/**
 * Save, restore and managed save of the boot-sector guest: after a restore it goes on where it was (it answers
 * the power button without booting again), in libvirt's save image layout.
 */
class QemuSaveRestoreTest {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path dir;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    @Test
    void aSavedGuestGoesOnWhereItWas() throws Exception {
        AcpiGuest guest = new AcpiGuest(dir);
        Path image = dir.resolve("saved.img");
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(guest.xml("saver"));
            d.create();
            assertThat(guest.awaitOutput("B\n", BOOT)).isTrue();
            long pid = ((QemuDomain) d).pid();
            f.events.clear();

            d.save(image.toString());
            // as libvirt 9.0 reports a save: the pause, QEMU's passes over memory, the job, then the stop
            java.util.List<String> seen = new java.util.ArrayList<>();
            while (seen.isEmpty() || !seen.get(seen.size() - 1).equals("STOPPED/SAVED")) {
                org.jvirt.api.event.DomainEvent e = f.events.poll(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(e).as("events so far: " + seen).isNotNull();
                if (e instanceof org.jvirt.api.event.DomainLifecycleEvent l) {
                    seen.add(l.type() + "/" + ((Enum<?>) l.detailConstant()).name());
                } else if (e instanceof org.jvirt.api.event.DomainMigrationIterationEvent i) {
                    seen.add("iteration");
                } else if (e instanceof org.jvirt.api.event.DomainJobCompletedEvent j) {
                    seen.add("job-completed " + j.params().get(org.jvirt.api.TypedParamFields.DOMAIN_JOB_OPERATION)
                            .orElseThrow().value());
                }
            }
            assertThat(String.join(",", seen)).matches("SUSPENDED/PAUSED,(iteration,)+job-completed "
                    + org.jvirt.api.DomainJobOperation.SAVE.value() + ",STOPPED/SAVED");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.SHUTOFF, ShutoffReason.SAVED.value()));
            assertThat(HostProcesses.isRunning(pid, -1)).isFalse();
            byte[] head = Arrays.copyOf(Files.readAllBytes(image), 16);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("LibvirtQemudSave");
            assertThat(Files.readString(image, StandardCharsets.ISO_8859_1)).contains("<name>saver</name>");

            f.conn.domainRestore(image.toString());
            assertThat(f.nextLifecycle()).isEqualTo("STARTED/RESTORED");
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/FROM_SNAPSHOT");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.RUNNING,
                    RunningReason.RESTORED.value()));
            assertThat(d.isPersistent()).as("restored into its persistent definition").isTrue();
            // the guest was restored, not booted: it answers the power button, and prints no second "B"
            d.shutdown();
            assertThat(f.nextLifecycle()).isEqualTo("SHUTDOWN/GUEST");
            assertThat(f.nextLifecycle()).isEqualTo("STOPPED/SHUTDOWN");
            assertThat(guest.output()).isEqualTo("B\nP\n");

            // a restore that keeps it paused
            d.create();
            assertThat(guest.awaitOutput("B\nP\nB\n", BOOT)).isTrue();
            d.save(image.toString());
            f.events.clear();
            f.conn.domainRestore(image.toString(), null, EnumSet.of(DomainSaveRestoreFlag.PAUSED));
            assertThat(f.nextLifecycle()).isEqualTo("STARTED/RESTORED");
            assertThat(f.nextLifecycle()).isEqualTo("SUSPENDED/PAUSED");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.PAUSED, PausedReason.USER.value()));
            d.destroy();
        }
    }

    @Test
    void managedSaveIsRestoredByTheNextStart() throws Exception {
        AcpiGuest guest = new AcpiGuest(dir);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(guest.xml("managed"));
            d.create();
            assertThat(guest.awaitOutput("B\n", BOOT)).isTrue();
            d.managedSave(Set.of());
            assertThat(d.hasManagedSaveImage()).isTrue();
            assertThat(Files.exists(home.resolve("data/lib/qemu/save/managed.save"))).isTrue();
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.SHUTOFF, ShutoffReason.SAVED.value()));
            assertThat(QemuFixture.names(f.conn.listAllDomains(EnumSet.of(ListDomainsFlag.MANAGEDSAVE))))
                    .containsExactly("managed");
            assertThat(f.conn.listAllDomains(EnumSet.of(ListDomainsFlag.NO_MANAGEDSAVE))).isEmpty();
            assertThatThrownBy(d::undefine).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: Refusing to "
                            + "undefine while domain managed save image exists"));
            f.events.clear();

            d.create();
            assertThat(f.nextLifecycle()).isEqualTo("STARTED/RESTORED");
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/FROM_SNAPSHOT");
            assertThat(d.hasManagedSaveImage()).as("the image goes once restored").isFalse();
            d.shutdown();
            assertThat(f.nextLifecycle()).isEqualTo("SHUTDOWN/GUEST");
            assertThat(f.nextLifecycle()).isEqualTo("STOPPED/SHUTDOWN");
            assertThat(guest.output()).isEqualTo("B\nP\n");

            // booting afresh discards the image
            d.create();
            assertThat(guest.awaitOutput("B\nP\nB\n", BOOT)).isTrue();
            d.managedSave(Set.of());
            d.create(EnumSet.of(DomainCreateFlag.START_FORCE_BOOT));
            assertThat(d.hasManagedSaveImage()).isFalse();
            assertThat(guest.awaitOutput("B\nP\nB\nB\n", BOOT)).as("booted again").isTrue();
            d.managedSave(Set.of());
            d.undefine(EnumSet.of(DomainUndefineFlag.MANAGED_SAVE));
            assertThat(Files.exists(home.resolve("data/lib/qemu/save/managed.save"))).isFalse();

            Domain tr = f.conn.domainCreateXML(QemuFixture.xml("tr"), Set.of());
            assertThatThrownBy(() -> tr.managedSave(Set.of())).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: cannot do managed "
                            + "save for transient domain"));
            tr.destroy();
        }
    }

    @Test
    void filesThatAreNotCompleteSaveImagesAreRefused() throws Exception {
        Path junk = dir.resolve("junk.img");
        Files.write(junk, new byte[200]);
        Path partial = dir.resolve("partial.img");
        byte[] p = new byte[200];
        System.arraycopy("LibvirtQemudPart".getBytes(StandardCharsets.US_ASCII), 0, p, 0, 16);
        Files.write(partial, p);
        try (QemuFixture f = new QemuFixture(home)) {
            assertThatThrownBy(() -> f.conn.domainRestore(junk.toString())).isInstanceOfSatisfying(
                    VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "operation failed: image magic is incorrect"));
            assertThatThrownBy(() -> f.conn.domainRestore(partial.toString())).isInstanceOfSatisfying(
                    VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "operation failed: save image is incomplete"));
            assertThat(f.conn.listAllDomains(Set.of())).isEmpty();
        }
    }
}
