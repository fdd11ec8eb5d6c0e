package org.jvirt.jmx.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import java.util.ArrayList;
import java.util.List;

import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockStats;
import org.jvirt.api.DomainInterfaceStats;
import org.jvirt.api.DomainMemoryModFlag;
import org.jvirt.api.DomainMemoryStat;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.jmx.BlockJob;
import org.jvirt.jmx.BlockStats;
import org.jvirt.jmx.InterfaceStats;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VirtException;
import org.jvirt.jmx.DomainMXBean;

/**
 * One domain as an MXBean. It holds only the domain's handle: every attribute asks the API when read. It is also the
 * NotificationEmitter of its MBean (registered through {@link DescribedEmitterMXBean}), for the State changes and the
 * typed events that {@link DomainBeans} reports.
 */
final class DomainBean extends NotificationBroadcasterSupport implements DomainMXBean {
    static final String STATE = "State";

    private static final MBeanNotificationInfo STATE_CHANGES = new MBeanNotificationInfo(
            new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE}, AttributeChangeNotification.class.getName(),
            "The domain's State changed (it was started, suspended, resumed, stopped, ...)");

    // shared by every domain: what a console may subscribe to
    private static final MBeanNotificationInfo[] NOTIFICATIONS = notifications();

    private final Domain domain;
    private final ObjectName objectName;
    private final AtomicLong sequence = new AtomicLong();
    private String lastState; // guarded by this

    DomainBean(Domain domain, ObjectName objectName) {
        // no per-instance copy of the 28 infos (NotificationBroadcasterSupport would clone them): see below
        super();
        this.domain = domain;
        this.objectName = objectName;
        this.lastState = StateWords.state(domain.getState().state());
    }

    ObjectName objectName() {
        return objectName;
    }

    Domain domain() {
        return domain;
    }

    /** Emits an AttributeChangeNotification for State when {@code state} differs from the last one told. */
    void stateChanged(String state) {
        String old;
        synchronized (this) {
            old = lastState;
            if (Objects.equals(old, state)) {
                return;
            }
            lastState = state;
        }
        sendNotification(new AttributeChangeNotification(objectName, sequence.incrementAndGet(),
                System.currentTimeMillis(), "State changed from " + old + " to " + state, STATE,
                String.class.getName(), old, state));
    }

    @Override
    public MBeanNotificationInfo[] getNotificationInfo() {
        return NOTIFICATIONS.clone();
    }

    /** Emits the typed notification of a domain event. */
    void event(EventType type, String message, CompositeData data) {
        Notification n = new Notification(type.notificationType(), objectName, sequence.incrementAndGet(),
                System.currentTimeMillis(), message);
        n.setUserData(data);
        sendNotification(n);
    }

    private static MBeanNotificationInfo[] notifications() {
        List<MBeanNotificationInfo> all = new ArrayList<>();
        all.add(STATE_CHANGES);
        DomainEventTypes.all().forEach(t -> all.add(t.info()));
        return all.toArray(MBeanNotificationInfo[]::new);
    }

    // ---- attributes

    @Override
    public int getId() {
        // a handle keeps the id it was made with (as libvirt's virDomainPtr does): ask a fresh one
        return JmxCalls.ask(objectName, () -> domain.getConnect().domainLookupByUUID(domain.getUUID()).getID());
    }

    @Override
    public String getName() {
        return JmxCalls.ask(objectName, domain::getName);
    }

    @Override
    public String getUUID() {
        return JmxCalls.ask(objectName, domain::getUUIDString);
    }

    @Override
    public String getOSType() {
        return JmxCalls.ask(objectName, domain::getOSType);
    }

    @Override
    public String getState() {
        return JmxCalls.ask(objectName, () -> StateWords.state(domain.getState().state()));
    }

    @Override
    public String getStateReason() {
        return JmxCalls.ask(objectName, () -> {
            DomainStateInfo s = domain.getState();
            return StateWords.reason(s.state(), s.reason());
        });
    }

    @Override
    public int getCPUs() {
        return JmxCalls.ask(objectName, () -> domain.getInfo().nrVirtCpu());
    }

    @Override
    public long getCPUTime() {
        return JmxCalls.ask(objectName, () -> domain.getInfo().cpuTimeNanos());
    }

    @Override
    public long getMaxMemoryKiB() {
        return JmxCalls.ask(objectName, () -> domain.getInfo().maxMemKiB());
    }

    @Override
    public long getUsedMemoryKiB() {
        return JmxCalls.ask(objectName, () -> domain.getInfo().memoryKiB());
    }

    @Override
    public boolean isPersistent() {
        return JmxCalls.ask(objectName, domain::isPersistent);
    }

    @Override
    public boolean isAutostart() {
        return JmxCalls.ask(objectName, domain::getAutostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        JmxCalls.act(objectName, () -> domain.setAutostart(autostart));
    }

    @Override
    public boolean isManagedSave() {
        return JmxCalls.ask(objectName, domain::hasManagedSaveImage);
    }

    @Override
    public String getSecurityModel() {
        return JmxCalls.ask(objectName, () -> securityModel().model());
    }

    @Override
    public String getSecurityDOI() {
        return JmxCalls.ask(objectName, () -> securityModel().doi());
    }

    @Override
    public String getSecurityLabel() {
        // as virsh, a domain has a label only under an active security model
        return JmxCalls.ask(objectName, () -> securityModel().model().isEmpty() ? ""
                : domain.getSecurityLabel().label());
    }

    @Override
    public boolean isSecurityLabelEnforcing() {
        return JmxCalls.ask(objectName, () -> !securityModel().model().isEmpty()
                && domain.getSecurityLabel().enforcing());
    }

    @Override
    public String[] getMessages() {
        // as virsh's dominfo, a driver that cannot tell has nothing to say
        return JmxCalls.ask(objectName, () -> {
            try {
                return domain.getMessages(java.util.Set.of()).toArray(String[]::new);
            } catch (VirtException e) {
                if (e.code() == ErrorCode.NO_SUPPORT) {
                    return new String[0];
                }
                throw e;
            }
        });
    }

    /** The host's security model; a driver without one has none active, as virsh reads NO_SUPPORT. */
    private SecurityModel securityModel() {
        try {
            return domain.getConnect().getSecurityModel();
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_SUPPORT) {
                return new SecurityModel("", "");
            }
            throw e;
        }
    }

    @Override
    public String getXML() {
        return JmxCalls.ask(objectName, () -> domain.getXMLDesc(Set.of()));
    }

    // ---- operations

    @Override
    public void start() {
        JmxCalls.act(objectName, domain::create);
    }

    @Override
    public void shutdown() {
        JmxCalls.act(objectName, domain::shutdown);
    }

    @Override
    public void destroy() {
        JmxCalls.act(objectName, domain::destroy);
    }

    @Override
    public void reboot() {
        JmxCalls.act(objectName, () -> domain.reboot(Set.of()));
    }

    @Override
    public void suspend() {
        JmxCalls.act(objectName, domain::suspend);
    }

    @Override
    public void resume() {
        JmxCalls.act(objectName, domain::resume);
    }

    @Override
    public void undefine() {
        JmxCalls.act(objectName, domain::undefine);
    }

    // ---- statistics

    @Override
    public Map<String, String> getStats() {
        return JmxCalls.ask(objectName, () -> {
            Map<String, String> stats = new LinkedHashMap<>();
            for (DomainStatsRecord r : domain.getConnect().domainListGetStats(List.of(domain), Set.of(), Set.of())) {
                for (TypedParameter p : r.params()) {
                    stats.putIfAbsent(p.field(), p.valueText());
                }
            }
            return stats;
        });
    }

    @Override
    public String[] getDisks() {
        return JmxCalls.ask(objectName, () -> DomainDeviceNames.disks(domain.getXMLDesc(Set.of()))
                .toArray(String[]::new));
    }

    @Override
    public String[] getInterfaces() {
        return JmxCalls.ask(objectName, () -> DomainDeviceNames.interfaces(domain.getXMLDesc(Set.of()))
                .toArray(String[]::new));
    }

    @Override
    public BlockStats[] getBlockStats() {
        return JmxCalls.ask(objectName, () -> {
            List<BlockStats> all = new ArrayList<>();
            for (String disk : DomainDeviceNames.disks(domain.getXMLDesc(Set.of()))) {
                DomainBlockStats s = domain.blockStats(disk);
                all.add(new BlockStats(disk, s.rdReq(), s.rdBytes(), s.wrReq(), s.wrBytes(), s.errs()));
            }
            return all.toArray(BlockStats[]::new);
        });
    }

    @Override
    public InterfaceStats[] getInterfaceStats() {
        return JmxCalls.ask(objectName, () -> {
            List<InterfaceStats> all = new ArrayList<>();
            for (String dev : DomainDeviceNames.interfaces(domain.getXMLDesc(Set.of()))) {
                DomainInterfaceStats s = domain.interfaceStats(dev);
                all.add(new InterfaceStats(dev, s.rxBytes(), s.rxPackets(), s.rxErrs(), s.rxDrop(), s.txBytes(),
                        s.txPackets(), s.txErrs(), s.txDrop()));
            }
            return all.toArray(InterfaceStats[]::new);
        });
    }

    @Override
    public Map<String, Long> getMemoryStats() {
        return JmxCalls.ask(objectName, () -> {
            Map<String, Long> stats = new LinkedHashMap<>();
            for (DomainMemoryStat s : domain.memoryStats()) {
                String name = MemoryStatNames.of(s.tag());
                if (name != null) {
                    stats.put(name, s.value());
                }
            }
            return stats;
        });
    }

    @Override
    public int getMaxCPUs() {
        return JmxCalls.ask(objectName, domain::getMaxVcpus);
    }

    @Override
    public String[] getSnapshots() {
        return JmxCalls.ask(objectName, () -> domain.listAllSnapshots(Set.of()).stream()
                .map(DomainSnapshot::getName).toArray(String[]::new));
    }

    @Override
    public String getCurrentSnapshot() {
        return JmxCalls.ask(objectName, () -> domain.hasCurrentSnapshot() ? domain.snapshotCurrent().getName() : "");
    }

    // ---- memory and vCPUs (as virsh setmem, setmaxmem and setvcpus without options: the current state)

    @Override
    public void changeMemory(long memoryKiB) {
        JmxCalls.act(objectName, () -> domain.setMemoryFlags(memoryKiB, Set.of(DomainMemoryModFlag.CURRENT)));
    }

    @Override
    public void changeMaxMemory(long memoryKiB) {
        JmxCalls.act(objectName, () -> domain.setMemoryFlags(memoryKiB,
                Set.of(DomainMemoryModFlag.CURRENT, DomainMemoryModFlag.MAXIMUM)));
    }

    @Override
    public void changeCPUs(int count) {
        JmxCalls.act(objectName, () -> domain.setVcpusFlags(count, Set.of(DomainVcpuFlag.CURRENT)));
    }

    // ---- snapshots

    @Override
    public String createSnapshot(String xml) {
        // as virsh snapshot-create without a file: an empty description lets libvirt name the snapshot
        String description = xml == null || xml.isBlank() ? "<domainsnapshot/>" : xml;
        return JmxCalls.ask(objectName, () -> domain.snapshotCreateXML(description, Set.of()).getName());
    }

    @Override
    public String createSnapshotNamed(String name) {
        return createSnapshot("<domainsnapshot><name>" + escape(name) + "</name></domainsnapshot>");
    }

    @Override
    public void revertToSnapshot(String name) {
        JmxCalls.act(objectName, () -> domain.revertToSnapshot(domain.snapshotLookupByName(name), Set.of()));
    }

    @Override
    public void deleteSnapshot(String name) {
        JmxCalls.act(objectName, () -> domain.snapshotLookupByName(name).delete(Set.of()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- block jobs

    @Override
    public BlockJob blockJobInfo(String disk) {
        return JmxCalls.ask(objectName, () -> domain.getBlockJobInfo(disk, Set.of())
                .map(j -> new BlockJob(disk, BlockJobWords.type(j.type()), j.bandwidth(), j.cur(), j.end()))
                .orElse(null));
    }

    @Override
    public void blockJobAbort(String disk) {
        JmxCalls.act(objectName, () -> domain.blockJobAbort(disk, Set.of()));
    }

    @Override
    public void blockJobSetSpeed(String disk, long bandwidthMiB) {
        JmxCalls.act(objectName, () -> domain.blockJobSetSpeed(disk, bandwidthMiB, Set.of()));
    }

    @Override
    public void blockPull(String disk, long bandwidthMiB) {
        JmxCalls.act(objectName, () -> domain.blockPull(disk, bandwidthMiB, Set.of()));
    }

    @Override
    public void blockCommit(String disk, String base, String top, long bandwidthMiB) {
        JmxCalls.act(objectName, () -> domain.blockCommit(disk, orNull(base), orNull(top), bandwidthMiB, Set.of()));
    }

    @Override
    public void blockCopy(String disk, String destinationXML) {
        JmxCalls.act(objectName, () -> domain.blockCopy(disk, destinationXML, TypedParameters.empty(), Set.of()));
    }

    @Override
    public void setBlockThreshold(String dev, long thresholdBytes) {
        JmxCalls.act(objectName, () -> domain.setBlockThreshold(dev, thresholdBytes));
    }

    /** A console cannot type null: an empty string stands for "the default". */
    private static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return objectName.toString();
    }
}
