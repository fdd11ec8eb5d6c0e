package org.jvirt.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainAffect;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainCheckpointCreateFlag;
import org.jvirt.api.DomainCheckpointDeleteFlag;
import org.jvirt.api.DomainCheckpointListFlag;
import org.jvirt.api.DomainCheckpointXMLFlag;
import org.jvirt.api.DomainCoreDumpFlag;
import org.jvirt.api.DomainCoreDumpFormat;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainGetHostnameFlag;
import org.jvirt.api.DomainInterfaceAddressesSource;
import org.jvirt.api.DomainLifecycle;
import org.jvirt.api.DomainLifecycleAction;
import org.jvirt.api.DomainMemoryFlag;
import org.jvirt.api.DomainMemoryModFlag;
import org.jvirt.api.DomainMemoryStatTag;
import org.jvirt.api.DomainMetadataType;
import org.jvirt.api.DomainProcessSignal;
import org.jvirt.api.DomainSaveImageXMLFlag;
import org.jvirt.api.DomainSaveRestoreFlag;
import org.jvirt.api.DomainSetTimeFlag;
import org.jvirt.api.DomainSetUserPasswordFlag;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainSnapshotCreateFlag;
import org.jvirt.api.DomainSnapshotDeleteFlag;
import org.jvirt.api.DomainSnapshotListFlag;
import org.jvirt.api.DomainSnapshotRevertFlag;
import org.jvirt.api.DomainSnapshotXMLFlag;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.DomainStatsType;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.GetAllDomainStatsFlag;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;

/** One scenario call on jvirt, printed as record-test-driver.py prints libvirt's answer. */
final class ScenarioCalls {
    private final TestDriverScenariosTest.ScenarioOps ops;
    private final List<String> out;

    ScenarioCalls(TestDriverScenariosTest.ScenarioOps ops, List<String> out) {
        this.ops = ops;
        this.out = out;
    }

    private static <E extends Enum<E> & VirFlag> Set<E> f(Class<E> type, String bits) {
        int b = Integer.parseUnsignedInt(bits);
        if (VirFlag.unknownBits(type, b) != 0) {
            throw new IllegalArgumentException("flags " + bits + " not in " + type.getSimpleName());
        }
        return VirFlag.fromBits(type, b);
    }

    private Set<DomainAffect> affect(String bits) {
        return f(DomainAffect.class, bits);
    }

    private void ok() {
        out.add("ok");
    }

    private void xml(String text) {
        String masked = text.replaceAll("<creationTime>\\d+</creationTime>", "<creationTime>N</creationTime>");
        String t = masked.endsWith("\n") ? masked.substring(0, masked.length() - 1) : masked;
        out.addAll(Arrays.asList(t.split("\n", -1)));
    }

    private void params(TypedParameters p) {
        for (TypedParameter t : p) {
            Object v = t.value();
            out.add(t.field() + "=" + (v instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(v)));
        }
    }

    /** field=value;… with the types libvirt's fields have. */
    private static TypedParameters typed(String text) {
        TypedParameters.Builder b = TypedParameters.builder();
        if (text.isEmpty()) {
            return b.build();
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            String k = part.substring(0, eq);
            String v = part.substring(eq + 1);
            if (v.startsWith(":")) {
                b.addString(k, v.substring(1));
            } else if (v.equals("true") || v.equals("false")) {
                b.addBoolean(k, Boolean.parseBoolean(v));
            } else if (!v.matches("\\d+")) {
                b.addString(k, v);
            } else if (k.equals("numa_mode")) {
                b.addInt(k, Integer.parseInt(v));
            } else if (k.equals("weight") || k.startsWith("inbound.") || k.startsWith("outbound.")
                    || k.equals("poll_grow") || k.equals("poll_shrink")) {
                b.addUInt(k, Long.parseLong(v));
            } else {
                b.addULLong(k, Long.parseUnsignedLong(v));
            }
        }
        return b.build();
    }

    private static BitSet cpus(String text) {
        BitSet b = new BitSet();
        for (String s : text.split(",")) {
            if (!s.isEmpty()) {
                b.set(Integer.parseInt(s));
            }
        }
        return b;
    }

    private Domain d(String name) {
        return ops.dom(name);
    }

    private static List<String> sorted(List<String> names) {
        List<String> s = new ArrayList<>(names);
        s.sort(null);
        return s;
    }

    @SuppressWarnings("checkstyle:MethodLength")
    void call(String op, List<String> a) throws Exception {
        Connect c = ops.conn();
        switch (op) {
            case "events" -> {
                ops.listen();
                ok();
            }
            case "keep" -> {
                ops.keep(a.get(0), d(a.get(1)));
                ok();
            }
            case "list" -> out.add(String.join(" ", sorted(c.listAllDomains(f(ListDomainsFlag.class, a.get(0)))
                    .stream().map(Domain::getName).toList())));
            case "define" -> out.add(c.domainDefineXML(ops.text(a.get(0))).getName());
            case "createXML" -> out.add(c.domainCreateXML(ops.text(a.get(0)), f(DomainCreateFlag.class, a.get(1)))
                    .getName());
            case "info" -> {
                var i = d(a.get(0)).getInfo();
                out.add(i.state().value() + " " + i.maxMemKiB() + " " + i.memoryKiB() + " " + i.nrVirtCpu());
            }
            case "state" -> {
                var s = d(a.get(0)).getState();
                out.add(s.state().value() + " " + s.reason());
            }
            case "dumpxml" -> xml(d(a.get(0)).getXMLDesc(f(DomainXMLFlag.class, a.get(1))));
            case "start" -> {
                d(a.get(0)).create(f(DomainCreateFlag.class, a.get(1)));
                ok();
            }
            case "destroy" -> {
                d(a.get(0)).destroy();
                ok();
            }
            case "suspend" -> {
                d(a.get(0)).suspend();
                ok();
            }
            case "resume" -> {
                d(a.get(0)).resume();
                ok();
            }
            case "undefine" -> {
                d(a.get(0)).undefine(f(DomainUndefineFlag.class, a.get(1)));
                ok();
            }
            case "save" -> {
                d(a.get(0)).save(a.get(1), ops.text(a.get(2)), f(DomainSaveRestoreFlag.class, a.get(3)));
                ok();
            }
            case "restore" -> {
                c.domainRestore(a.get(0), ops.text(a.get(1)), f(DomainSaveRestoreFlag.class, a.get(2)));
                ok();
            }
            case "saveImageXML" -> xml(c.domainSaveImageGetXMLDesc(a.get(0),
                    f(DomainSaveImageXMLFlag.class, a.get(1))));
            case "saveImageDefine" -> {
                c.domainSaveImageDefineXML(a.get(0), ops.text(a.get(1)), f(DomainSaveRestoreFlag.class, a.get(2)));
                ok();
            }
            case "managedSave" -> {
                d(a.get(0)).managedSave(f(DomainSaveRestoreFlag.class, a.get(1)));
                ok();
            }
            case "hasManagedSave" -> out.add(d(a.get(0)).hasManagedSaveImage() ? "1" : "0");
            case "managedSaveRemove" -> {
                d(a.get(0)).managedSaveRemove();
                ok();
            }
            case "coreDump" -> {
                d(a.get(0)).coreDumpWithFormat(a.get(1), DomainCoreDumpFormat.fromValue(Integer.parseInt(a.get(2))),
                        f(DomainCoreDumpFlag.class, a.get(3)));
                ok();
            }
            case "setMemory" -> {
                d(a.get(0)).setMemoryFlags(Long.parseLong(a.get(1)), f(DomainMemoryModFlag.class, a.get(2)));
                ok();
            }
            case "setMemoryStatsPeriod" -> {
                d(a.get(0)).setMemoryStatsPeriod(Integer.parseInt(a.get(1)), f(DomainMemoryModFlag.class, a.get(2)));
                ok();
            }
            case "maxMemory" -> out.add(Long.toString(d(a.get(0)).getMaxMemory()));
            case "memoryStats" -> d(a.get(0)).memoryStats().forEach(s -> out.add(statName(s.tag()) + "=" + s.value()));
            case "vcpusFlags" -> out.add(Integer.toString(d(a.get(0)).getVcpusFlags(f(DomainVcpuFlag.class, a.get(1)))));
            case "maxVcpus" -> out.add(Integer.toString(d(a.get(0)).getMaxVcpus()));
            case "setVcpus" -> {
                d(a.get(0)).setVcpusFlags(Integer.parseInt(a.get(1)), f(DomainVcpuFlag.class, a.get(2)));
                ok();
            }
            case "vcpus" -> d(a.get(0)).getVcpus().forEach(v -> out.add(v.number() + " " + v.state().value() + " N "
                    + v.cpu() + " " + TestDriverScenariosTest.ScenarioOps.map(v.cpumap())));
            case "pinVcpu" -> {
                d(a.get(0)).pinVcpuFlags(Integer.parseInt(a.get(1)), cpus(a.get(2)), affect(a.get(3)));
                ok();
            }
            case "vcpuPinInfo" -> {
                // libvirt-python asks for as many maps as the domain has vCPUs now
                int n = d(a.get(0)).getInfo().nrVirtCpu();
                d(a.get(0)).getVcpuPinInfo(affect(a.get(1))).stream().limit(n)
                        .forEach(m -> out.add(TestDriverScenariosTest.ScenarioOps.map(m)));
            }
            case "pinEmulator" -> {
                d(a.get(0)).pinEmulator(cpus(a.get(1)), affect(a.get(2)));
                ok();
            }
            case "emulatorPinInfo" -> out.add(TestDriverScenariosTest.ScenarioOps.map(
                    d(a.get(0)).getEmulatorPinInfo(affect(a.get(1))).orElse(new BitSet())));
            case "iothreads" -> d(a.get(0)).getIOThreadInfo(affect(a.get(1))).forEach(t -> out.add(t.iothreadId()
                    + " " + TestDriverScenariosTest.ScenarioOps.map(t.cpumap())));
            case "addIOThread" -> {
                d(a.get(0)).addIOThread(Integer.parseInt(a.get(1)), affect(a.get(2)));
                ok();
            }
            case "delIOThread" -> {
                d(a.get(0)).delIOThread(Integer.parseInt(a.get(1)), affect(a.get(2)));
                ok();
            }
            case "pinIOThread" -> {
                d(a.get(0)).pinIOThread(Integer.parseInt(a.get(1)), cpus(a.get(2)), affect(a.get(3)));
                ok();
            }
            case "setIOThreadParams" -> {
                d(a.get(0)).setIOThreadParams(Integer.parseInt(a.get(1)), typed(a.get(2)), affect(a.get(3)));
                ok();
            }
            case "rename" -> {
                d(a.get(0)).rename(a.get(1));
                ok();
            }
            case "blkio" -> params(d(a.get(0)).getBlkioParameters(affect(a.get(1))));
            case "setBlkio" -> {
                d(a.get(0)).setBlkioParameters(typed(a.get(1)), affect(a.get(2)));
                ok();
            }
            case "memtune" -> params(d(a.get(0)).getMemoryParameters(affect(a.get(1))));
            case "setMemtune" -> {
                d(a.get(0)).setMemoryParameters(typed(a.get(1)), affect(a.get(2)));
                ok();
            }
            case "numatune" -> params(d(a.get(0)).getNumaParameters(affect(a.get(1))));
            case "setNumatune" -> {
                d(a.get(0)).setNumaParameters(typed(a.get(1)), affect(a.get(2)));
                ok();
            }
            case "ifaceParams" -> params(d(a.get(0)).getInterfaceParameters(a.get(1), affect(a.get(2))));
            case "setIfaceParams" -> {
                d(a.get(0)).setInterfaceParameters(a.get(1), typed(a.get(2)), affect(a.get(3)));
                ok();
            }
            case "iotune" -> params(d(a.get(0)).getBlockIoTune(a.get(1), affect(a.get(2))));
            case "setIotune" -> {
                d(a.get(0)).setBlockIoTune(a.get(1), typed(a.get(2)), affect(a.get(3)));
                ok();
            }
            case "perf" -> params(d(a.get(0)).getPerfEvents(affect(a.get(1))));
            case "setPerf" -> {
                d(a.get(0)).setPerfEvents(typed(a.get(1)), affect(a.get(2)));
                ok();
            }
            case "schedType" -> {
                var t = d(a.get(0)).getSchedulerType();
                out.add(t.type() + " " + t.nparams());
            }
            case "metadata" -> xml(d(a.get(0)).getMetadata(DomainMetadataType.fromValue(Integer.parseInt(a.get(1))),
                    ops.text(a.get(2)), affect(a.get(3))));
            case "setMetadata" -> {
                int type = Integer.parseInt(a.get(1));
                if (type > 2) {
                    // libvirt's entry point refuses the type before any driver sees it
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                            "unknown metadata type '" + type + "'");
                }
                d(a.get(0)).setMetadata(DomainMetadataType.fromValue(type), ops.text(a.get(2)), ops.text(a.get(3)),
                        ops.text(a.get(4)), affect(a.get(5)));
                ok();
            }
            case "cpuStats" -> {
                List<TypedParameters> s = "total".equals(a.get(1)) ? d(a.get(0)).getCPUStats(-1, 1)
                        : d(a.get(0)).getCPUStats(0, 128);
                for (int i = 0; i < s.size(); i++) {
                    out.add("cpu " + i);
                    params(s.get(i));
                }
            }
            case "sendSignal" -> {
                int sig = Integer.parseInt(a.get(2));
                if (sig >= DomainProcessSignal.values().length) {
                    // the API cannot carry an unknown signal; libvirt's driver refuses it so
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                            "signum value " + sig + " is out of range");
                }
                d(a.get(0)).sendProcessSignal(Long.parseLong(a.get(1)), DomainProcessSignal.fromValue(sig));
                ok();
            }
            case "fsFreeze" -> out.add(Integer.toString(d(a.get(0)).fsFreeze(a.subList(1, a.size()))));
            case "fsThaw" -> out.add(Integer.toString(d(a.get(0)).fsThaw(a.subList(1, a.size()))));
            case "fsTrim" -> {
                d(a.get(0)).fsTrim(ops.text(a.get(1)), 0);
                ok();
            }
            case "fsInfo" -> d(a.get(0)).getFSInfo().forEach(i -> out.add(i.mountpoint() + " " + i.name() + " "
                    + i.fstype() + " " + String.join(",", i.devAliases())));
            case "diskErrors" -> d(a.get(0)).getDiskErrors().forEach(e -> out.add(e.disk() + " " + e.error().value()));
            case "blockStats" -> {
                d(a.get(0)).blockStats(a.get(1));
                ok();
            }
            case "ifaceStats" -> {
                d(a.get(0)).interfaceStats(a.get(1));
                ok();
            }
            case "ifaceAddresses" -> {
                int src = Integer.parseInt(a.get(1));
                if (src > 2) {
                    throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.TEST,
                            "Unknown IP address data source " + src);
                }
                d(a.get(0)).interfaceAddresses(DomainInterfaceAddressesSource.fromValue(src)).forEach(i -> {
                    StringBuilder sb = new StringBuilder(i.name() + " " + i.hwaddr());
                    i.addrs().forEach(x -> sb.append(' ').append(x.type().value()).append(':').append(x.addr())
                            .append('/').append(x.prefix()));
                    out.add(sb.toString());
                });
            }
            case "blockInfo" -> {
                var i = d(a.get(0)).getBlockInfo(a.get(1));
                out.add(i.capacity() + " " + i.allocation() + " " + i.physical());
            }
            case "injectNMI" -> {
                d(a.get(0)).injectNMI();
                ok();
            }
            case "sendKey" -> {
                int[] keys = a.subList(3, a.size()).stream().mapToInt(Integer::parseInt).toArray();
                d(a.get(0)).sendKey(KeycodeSet.fromValue(Integer.parseInt(a.get(1))), Integer.parseInt(a.get(2)), keys);
                ok();
            }
            case "memoryPeek" -> out.add(HexFormat.of().formatHex(d(a.get(0)).memoryPeek(Long.parseLong(a.get(1)),
                    Integer.parseInt(a.get(2)), f(DomainMemoryFlag.class, a.get(3)))));
            case "setLifecycle" -> {
                d(a.get(0)).setLifecycleAction(DomainLifecycle.fromValue(Integer.parseInt(a.get(1))),
                        DomainLifecycleAction.fromValue(Integer.parseInt(a.get(2))), affect(a.get(3)));
                ok();
            }
            case "hostname" -> out.add(d(a.get(0)).getHostname(f(DomainGetHostnameFlag.class, a.get(1))));
            case "time" -> {
                Instant t = d(a.get(0)).getTime();
                out.add(t.getEpochSecond() + " " + t.getNano());
            }
            case "setTime" -> {
                d(a.get(0)).setTime(Instant.ofEpochSecond(Long.parseLong(a.get(1)), Long.parseLong(a.get(2))),
                        f(DomainSetTimeFlag.class, a.get(3)));
                ok();
            }
            case "controlInfo" -> {
                var i = d(a.get(0)).getControlInfo();
                out.add(i.state().value() + " " + i.details() + " " + i.stateTimeMs());
            }
            case "setUserPassword" -> {
                d(a.get(0)).setUserPassword(a.get(1), a.get(2), f(DomainSetUserPasswordFlag.class, a.get(3)));
                ok();
            }
            case "autostart" -> out.add(d(a.get(0)).getAutostart() ? "1" : "0");
            case "setAutostart" -> {
                d(a.get(0)).setAutostart(!"0".equals(a.get(1)));
                ok();
            }
            case "stats" -> {
                List<DomainStatsRecord> recs = new ArrayList<>(c.getAllDomainStats(
                        f(DomainStatsType.class, a.get(0)), f(GetAllDomainStatsFlag.class, a.get(1))));
                recs.sort((x, y) -> x.domain().getName().compareTo(y.domain().getName()));
                for (DomainStatsRecord r : recs) {
                    out.add("domain " + r.domain().getName());
                    params(r.params());
                }
            }
            case "snapCreate" -> out.add(d(a.get(0)).snapshotCreateXML(ops.text(a.get(1)),
                    f(DomainSnapshotCreateFlag.class, a.get(2))).getName());
            case "snapList" -> out.add(names(d(a.get(0)).listAllSnapshots(f(DomainSnapshotListFlag.class, a.get(1)))
                    .stream().map(DomainSnapshot::getName).toList(), a.get(1), 1024));
            case "snapNum" -> out.add(Integer.toString(d(a.get(0)).snapshotNum(f(DomainSnapshotListFlag.class,
                    a.get(1)))));
            case "snapCurrent" -> out.add(d(a.get(0)).snapshotCurrent().getName());
            case "hasCurrentSnap" -> out.add(d(a.get(0)).hasCurrentSnapshot() ? "1" : "0");
            case "snapXML" -> xml(snap(a).getXMLDesc(f(DomainSnapshotXMLFlag.class, a.get(2))));
            case "snapParent" -> out.add(snap(a).getParent().getName());
            case "snapIsCurrent" -> out.add(snap(a).isCurrent() ? "1" : "0");
            case "snapHasMetadata" -> out.add(snap(a).hasMetadata() ? "1" : "0");
            case "snapChildren" -> out.add(names(snap(a).listAllChildren(f(DomainSnapshotListFlag.class, a.get(2)))
                    .stream().map(DomainSnapshot::getName).toList(), a.get(2), 1024));
            case "snapDelete" -> {
                snap(a).delete(f(DomainSnapshotDeleteFlag.class, a.get(2)));
                ok();
            }
            case "revert" -> {
                d(a.get(0)).revertToSnapshot(snap(a), f(DomainSnapshotRevertFlag.class, a.get(2)));
                ok();
            }
            case "chkCreate" -> out.add(d(a.get(0)).checkpointCreateXML(ops.text(a.get(1)),
                    f(DomainCheckpointCreateFlag.class, a.get(2))).getName());
            case "chkList" -> out.add(names(d(a.get(0)).listAllCheckpoints(
                    f(DomainCheckpointListFlag.class, a.get(1))).stream().map(DomainCheckpoint::getName).toList(),
                    a.get(1), 2));
            case "chkXML" -> xml(chk(a).getXMLDesc(f(DomainCheckpointXMLFlag.class, a.get(2))));
            case "chkParent" -> out.add(chk(a).getParent().getName());
            case "chkChildren" -> out.add(names(chk(a).listAllChildren(f(DomainCheckpointListFlag.class, a.get(2)))
                    .stream().map(DomainCheckpoint::getName).toList(), a.get(2), 2));
            case "chkDelete" -> {
                chk(a).delete(f(DomainCheckpointDeleteFlag.class, a.get(2)));
                ok();
            }
            default -> throw new IllegalArgumentException("unknown scenario operation " + op);
        }
    }

    private DomainSnapshot snap(List<String> a) {
        return d(a.get(0)).snapshotLookupByName(a.get(1));
    }

    private DomainCheckpoint chk(List<String> a) {
        return d(a.get(0)).checkpointLookupByName(a.get(1));
    }

    /** Names as listed: sorted unless the listing is topological. */
    private static String names(List<String> names, String flags, int topological) {
        return String.join(" ", (Integer.parseUnsignedInt(flags) & topological) != 0 ? names : sorted(names));
    }

    /** libvirt-python's names for memory statistics. */
    private static String statName(DomainMemoryStatTag t) {
        return t == DomainMemoryStatTag.ACTUAL_BALLOON ? "actual" : t.name().toLowerCase();
    }

}
