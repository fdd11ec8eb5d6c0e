package org.jvirt.driver.test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDestroyFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainMessageType;
import org.jvirt.api.DomainRebootFlag;
import org.jvirt.api.DomainShutdownFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.ResumedDetail;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.api.event.StoppedDetail;
import org.jvirt.api.event.SuspendedDetail;
import org.jvirt.api.event.UndefinedDetail;
import org.jvirt.conf.DomainXml;

/**
 * A handle naming a test domain: name, UUID and the id it had when looked up. Each call finds the domain again by
 * UUID, so a handle to a domain since undefined fails with "no domain with matching uuid".
 */
final class TestDomain implements Domain {
    private final TestConnect conn;
    private final String name;
    private final UUID uuid;
    private final int id;

    TestDomain(TestConnect conn, String name, UUID uuid, int id) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
        this.id = id;
    }

    /** Runs {@code body} on the domain under the state's lock (testDomObjFromDomain). */
    private <T> T with(Function<TestDomainObj, T> body) {
        return conn.locked(() -> {
            TestDomainObj o = conn.state.byUuid(uuid);
            if (o == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                        "no domain with matching uuid '" + uuid + "' (" + name + ")");
            }
            return body.apply(o);
        });
    }

    private void run(java.util.function.Consumer<TestDomainObj> body) {
        with(o -> {
            body.accept(o);
            return null;
        });
    }

    private static void checkActive(TestDomainObj o) {
        if (!o.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, "domain is not running");
        }
    }

    private VirtException internal(String text) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, text);
    }

    @Override
    public Connect getConnect() {
        return conn;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public UUID getUUID() {
        return uuid;
    }

    @Override
    public int getID() {
        return id;
    }

    @Override
    public String getOSType() {
        return with(o -> "linux");
    }

    @Override
    public DomainInfo getInfo() {
        return with(o -> new DomainInfo(o.state, o.def.memoryKiB(), o.def.currentMemoryKiB(), o.def.vcpus(),
                ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) * 1000));
    }

    @Override
    public DomainStateInfo getState() {
        return with(o -> new DomainStateInfo(o.state, o.reason));
    }

    @Override
    public long getMaxMemory() {
        return with(o -> o.def.memoryKiB());
    }

    @Override
    public String getXMLDesc(Set<DomainXMLFlag> flags) {
        TestConnect.checkFlags("testDomainGetXMLDesc", flags, VirFlag.toBits(Set.of(DomainXMLFlag.values())));
        return with(o -> DomainXml.format(flags.contains(DomainXMLFlag.INACTIVE) && o.newDef != null ? o.newDef
                : o.def, flags));
    }

    @Override
    public boolean isActive() {
        return with(TestDomainObj::isActive);
    }

    @Override
    public boolean isPersistent() {
        return with(o -> o.persistent);
    }

    @Override
    public boolean isUpdated() {
        return with(o -> false);
    }

    @Override
    public boolean getAutostart() {
        return with(o -> o.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        run(o -> o.autostart = autostart);
    }

    @Override
    public boolean hasManagedSaveImage() {
        return with(o -> o.hasManagedSave);
    }

    @Override
    public List<String> getMessages(Set<DomainMessageType> flags) {
        TestConnect.checkFlags("testDomainGetMessages", flags,
                DomainMessageType.TAINTING.value() | DomainMessageType.DEPRECATION.value());
        return with(o -> Taint.messages(o, flags));
    }

    @Override
    public SecurityLabel getSecurityLabel() {
        return with(o -> o.isActive() ? new SecurityLabel("libvirt-test", true) : new SecurityLabel("", false));
    }

    @Override
    public void create(Set<DomainCreateFlag> flags) {
        TestConnect.checkFlags("testDomainCreateWithFlags", flags, 0);
        run(o -> {
            if (o.state != DomainState.SHUTOFF) {
                throw internal("Domain '" + name + "' is already running");
            }
            conn.state.startState(o, RunningReason.BOOTED.value());
            conn.state.emit(o, LifecycleEventType.STARTED, StartedDetail.BOOTED.value());
        });
    }

    @Override
    public void destroy(Set<DomainDestroyFlag> flags) {
        TestConnect.checkFlags("testDomainDestroyFlags", flags, DomainDestroyFlag.GRACEFUL.value());
        run(o -> {
            checkActive(o);
            stop(o, ShutoffReason.DESTROYED.value(), StoppedDetail.DESTROYED.value());
        });
    }

    private void stop(TestDomainObj o, int reason, int detail) {
        conn.state.shutdownState(o, reason);
        conn.state.emit(o, LifecycleEventType.STOPPED, detail);
        if (!o.persistent) {
            conn.state.remove(o);
        }
    }

    /** What a guest does on power-off or reboot (testDomainActionSetState). */
    private static void actionSetState(TestDomainObj o, String action) {
        if ("restart".equals(action) || "rename-restart".equals(action)) {
            o.setState(DomainState.RUNNING, RunningReason.BOOTED.value());
        } else {
            o.setState(DomainState.SHUTOFF, ShutoffReason.SHUTDOWN.value());
        }
    }

    @Override
    public void shutdown(Set<DomainShutdownFlag> flags) {
        TestConnect.checkFlags("testDomainShutdownFlags", flags, 0);
        run(o -> {
            if (o.state == DomainState.SHUTOFF) {
                throw internal("domain '" + name + "' not running");
            }
            actionSetState(o, o.def.onPoweroff);
            if (o.state == DomainState.SHUTOFF) {
                stop(o, ShutoffReason.SHUTDOWN.value(), StoppedDetail.SHUTDOWN.value());
            }
        });
    }

    @Override
    public void reboot(Set<DomainRebootFlag> flags) {
        TestConnect.checkFlags("testDomainReboot", flags, VirFlag.toBits(Set.of(DomainRebootFlag.values())));
        run(o -> {
            checkActive(o);
            actionSetState(o, o.def.onReboot);
            if (o.state == DomainState.SHUTOFF) {
                stop(o, ShutoffReason.SHUTDOWN.value(), StoppedDetail.SHUTDOWN.value());
            }
        });
    }

    @Override
    public void reset() {
        run(TestDomain::checkActive);
    }

    @Override
    public void suspend() {
        run(o -> {
            if (o.state == DomainState.SHUTOFF || o.state == DomainState.PAUSED) {
                throw internal("domain '" + name + "' not running");
            }
            o.setState(DomainState.PAUSED, PausedReason.USER.value());
            conn.state.emit(o, LifecycleEventType.SUSPENDED, SuspendedDetail.PAUSED.value());
        });
    }

    @Override
    public void resume() {
        run(o -> {
            if (o.state != DomainState.PAUSED) {
                throw internal("domain '" + name + "' not paused");
            }
            o.setState(DomainState.RUNNING, RunningReason.UNPAUSED.value());
            conn.state.emit(o, LifecycleEventType.RESUMED, ResumedDetail.UNPAUSED.value());
        });
    }

    @Override
    public void undefine(Set<DomainUndefineFlag> flags) {
        TestConnect.checkFlags("testDomainUndefineFlags", flags,
                DomainUndefineFlag.MANAGED_SAVE.value() | DomainUndefineFlag.SNAPSHOTS_METADATA.value());
        run(o -> {
            if (o.hasManagedSave && !flags.contains(DomainUndefineFlag.MANAGED_SAVE)) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "Refusing to undefine while domain managed save image exists");
            }
            conn.state.emit(o, LifecycleEventType.UNDEFINED, UndefinedDetail.REMOVED.value());
            o.hasManagedSave = false;
            if (o.isActive()) {
                o.persistent = false;
                o.newDef = null;
            } else {
                conn.state.remove(o);
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestDomain d && d.uuid.equals(uuid) && d.conn == conn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, System.identityHashCode(conn));
    }

    @Override
    public String toString() {
        return "TestDomain[" + name + ", " + uuid + "]";
    }
}
