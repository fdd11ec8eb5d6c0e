package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStatsType;
import org.jvirt.api.TypedParameters;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.command.BlockNodes;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/**
 * A domain's statistics as virConnectGetAllDomainStats gives them (qemuDomainGetStats*): state, CPU, balloon,
 * vCPUs, interfaces and disks, with libvirt's field names and types. The QMP questions of every domain are sent
 * at once (one write per QEMU), what the host knows (/proc) is read while the QEMUs answer, and the answers are
 * awaited together, so that many guests cost about one round trip. As libvirt does, the balloon's size is the one
 * QEMU's BALLOON_CHANGE events keep in the definition, and the vCPU threads are asked once per run, not per call.
 */
final class DomainStats {
    static final Set<DomainStatsType> SUPPORTED = EnumSet.of(DomainStatsType.STATE, DomainStatsType.CPU_TOTAL,
            DomainStatsType.BALLOON, DomainStatsType.VCPU, DomainStatsType.INTERFACE, DomainStatsType.BLOCK);
    /** Linux's USER_HZ: /proc gives CPU times in these ticks. */

    /** What one domain is, taken under its lock, and what its QEMU was asked. */
    static final class Query {
        final QemuDomainObj obj;
        final DomainState state;
        final int reason;
        final DomainDef def;
        final long pid;
        final boolean active;
        /** Per block backend (the devices' I/O), keyed by the root node. */
        CompletableFuture<JsonNode> blockstats;
        /** Per node: what each image wrote up to (wr_highest_offset), backing images included. */
        CompletableFuture<JsonNode> nodestats;
        CompletableFuture<JsonNode> nodes;
        /** Asked only when the run's vCPU threads are not known yet. */
        CompletableFuture<JsonNode> cpus;
        QmpMonitor monitor;
        QemuDomainObj.VcpuThreads threads;
        /** Read from /proc while QEMU answers: the process's utime and stime, its RSS, each vCPU's times. */
        ProcStat cpuTimes;
        long rss = -1;
        long[][] vcpuTimes;

        Query(QemuDomainObj o) {
            obj = o;
            synchronized (o) {
                state = o.state;
                reason = o.reason;
                def = o.def;
                pid = o.pid;
                active = o.isActive();
            }
        }
    }

    private DomainStats() {
    }

    /** Sends the questions {@code types} need to a running domain's QEMU, in one write; nothing waits here. */
    static Query ask(QemuDomainObj o, Set<DomainStatsType> types, boolean backing) {
        Query q = new Query(o);
        synchronized (o) {
            q.monitor = o.monitor;
            QemuDomainObj.VcpuThreads t = o.vcpuThreads;
            if (t != null && t.monitor() == o.monitor && t.count() == o.def.vcpus()) {
                q.threads = t;
            }
        }
        if (!q.active || q.monitor == null) {
            return q;
        }
        List<QmpMonitor.Command> commands = new ArrayList<>(4);
        if (types.contains(DomainStatsType.BLOCK)) {
            commands.add(new QmpMonitor.Command("query-blockstats", null));
            if (backing) {
                // what the backing images wrote up to is known per node only
                commands.add(new QmpMonitor.Command("query-blockstats", JsonNodeFactory.instance.objectNode()
                        .put("query-nodes", true)));
            }
            commands.add(new QmpMonitor.Command("query-named-block-nodes", JsonNodeFactory.instance.objectNode()
                    .put("flat", true)));
        }
        boolean askCpus = types.contains(DomainStatsType.VCPU) && q.threads == null;
        if (askCpus) {
            commands.add(new QmpMonitor.Command("query-cpus-fast", null));
        }
        if (commands.isEmpty()) {
            return q;
        }
        List<CompletableFuture<JsonNode>> replies = q.monitor.sendAll(commands);
        int i = 0;
        if (types.contains(DomainStatsType.BLOCK)) {
            q.blockstats = replies.get(i++);
            if (backing) {
                q.nodestats = replies.get(i++);
            }
            q.nodes = replies.get(i++);
        }
        if (askCpus) {
            q.cpus = replies.get(i);
        }
        return q;
    }

    /** Reads what the host knows of a running domain's QEMU, while QEMU answers the questions asked of it. */
    static void readHost(Query q, Set<DomainStatsType> types) {
        if (!q.active) {
            return;
        }
        if (types.contains(DomainStatsType.CPU_TOTAL)) {
            q.cpuTimes = ProcStat.of(q.pid, 0);
        }
        if (types.contains(DomainStatsType.BALLOON)) {
            q.rss = GuestCounters.rssKiB(q.pid);
        }
        if (types.contains(DomainStatsType.VCPU) && q.threads != null) {
            q.vcpuTimes = vcpuTimes(q.pid, q.threads);
        }
    }

    /** Waits (once, for all of them) until every question asked has its answer or the command timeout passed. */
    static void awaitAnswers(List<Query> queries) {
        List<CompletableFuture<JsonNode>> all = new ArrayList<>();
        for (Query q : queries) {
            for (CompletableFuture<JsonNode> f : new CompletableFuture[] {q.blockstats, q.nodestats, q.nodes,
                    q.cpus}) {
                if (f != null) {
                    all.add(f);
                }
            }
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .get(QemuProcesses.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a question that failed or did not come in time leaves its fields out (get says so per answer)
        }
    }

    /** The record of one domain from its answers (a question QEMU could not answer leaves its fields out). */
    static TypedParameters record(Query q, Set<DomainStatsType> types, boolean backing) {
        TypedParameters.Builder b = TypedParameters.builder();
        if (types.contains(DomainStatsType.STATE)) {
            b.addInt("state.state", q.state.value());
            b.addInt("state.reason", q.reason);
        }
        if (types.contains(DomainStatsType.CPU_TOTAL) && q.active) {
            ProcStat t = q.cpuTimes;
            if (t != null) {
                b.addULLong("cpu.time", t.cpuNanos());
                b.addULLong("cpu.user", t.userNanos());
                b.addULLong("cpu.system", t.systemNanos());
            }
        }
        if (types.contains(DomainStatsType.BALLOON)) {
            b.addULLong("balloon.current", q.def.currentMemoryKiB());
            b.addULLong("balloon.maximum", q.def.memoryKiB());
            if (q.active && q.rss >= 0) {
                b.addULLong("balloon.rss", q.rss);
            }
        }
        if (types.contains(DomainStatsType.VCPU)) {
            vcpus(b, q);
        }
        if (types.contains(DomainStatsType.INTERFACE)) {
            b.addUInt("net.count", q.def.devices().interfaces.size());
        }
        if (types.contains(DomainStatsType.BLOCK)) {
            block(b, q, backing);
        }
        return b.build();
    }

    private static void vcpus(TypedParameters.Builder b, Query q) {
        b.addUInt("vcpu.current", q.def.vcpus());
        b.addUInt("vcpu.maximum", q.def.maxVcpus());
        QemuDomainObj.VcpuThreads threads = q.threads;
        long[][] times = q.vcpuTimes;
        if (threads == null && q.cpus != null) {
            threads = threadsOf(get(q.cpus), q);
            if (threads == null) {
                return;
            }
            synchronized (q.obj) {
                if (q.obj.monitor == q.monitor && q.obj.def.vcpus() == threads.count()) {
                    q.obj.vcpuThreads = threads;
                }
            }
            times = vcpuTimes(q.pid, threads);
        }
        if (threads == null || times == null) {
            return;
        }
        for (int i = 0; i < threads.indexes().length; i++) {
            int idx = threads.indexes()[i];
            b.addInt("vcpu." + idx + ".state", 1); // VIR_VCPU_RUNNING: QEMU's vCPU threads exist while it runs
            if (times[i][0] >= 0) {
                b.addULLong("vcpu." + idx + ".time", times[i][0]);
            }
            if (times[i][1] >= 0) {
                b.addULLong("vcpu." + idx + ".wait", times[i][1]);
            }
        }
    }

    /** The vCPU threads of a query-cpus-fast answer, or null when QEMU gave none. */
    private static QemuDomainObj.VcpuThreads threadsOf(JsonNode cpus, Query q) {
        if (!cpus.isArray() || cpus.isEmpty()) {
            return null;
        }
        int[] indexes = new int[cpus.size()];
        long[] tids = new long[cpus.size()];
        for (int i = 0; i < cpus.size(); i++) {
            indexes[i] = cpus.get(i).path("cpu-index").asInt();
            tids[i] = cpus.get(i).path("thread-id").asLong(-1);
        }
        return new QemuDomainObj.VcpuThreads(q.monitor, q.def.vcpus(), indexes, tids);
    }

    /** Each vCPU's CPU time and run-queue wait in nanoseconds ({@code -1} where /proc has none). */
    private static long[][] vcpuTimes(long pid, QemuDomainObj.VcpuThreads threads) {
        long[][] out = new long[threads.tids().length][];
        for (int i = 0; i < out.length; i++) {
            long tid = threads.tids()[i];
            ProcStat t = tid > 0 ? ProcStat.of(pid, tid) : null;
            out[i] = new long[] {t == null ? -1 : t.cpuNanos(), tid > 0 ? schedWait(pid, tid) : -1};
        }
        return out;
    }

    private static void block(TypedParameters.Builder b, Query q, boolean backing) {
        Map<String, JsonNode> stats = byNode(get(q.blockstats));
        Map<String, JsonNode> nodeStats = byNode(get(q.nodestats));
        Map<String, JsonNode> nodes = byNode(get(q.nodes));
        List<DiskDef> disks = q.def.devices().disks;
        int count = 0;
        TypedParameters.Builder per = TypedParameters.builder();
        for (DiskDef d : disks) {
            if (!BlockNodes.hasSource(d) || d.source.index == null) {
                // an empty drive, or a domain not running: the name and what the definition says
                per.addString("block." + count + ".name", d.target.dev);
                if (BlockNodes.hasSource(d)) {
                    per.addString("block." + count + ".path", d.source.file != null ? d.source.file : d.source.dev);
                }
                count++;
                continue;
            }
            List<BlockNodes.Layer> chain = BlockNodes.chain(d);
            String cache = d.driver == null ? null : d.driver.cache;
            for (int i = 0; i < (backing ? chain.size() : 1); i++) {
                BlockNodes.Layer l = chain.get(i);
                String p = "block." + count + ".";
                per.addString(p + "name", d.target.dev);
                per.addString(p + "path", l.path());
                if (l.index() > 0) {
                    // the top image too, once started it has an index (libvirt 9.0 reports it, as virsh shows)
                    per.addUInt(p + "backingIndex", l.index());
                }
                JsonNode s = stats.getOrDefault(l.topNode(cache), MissingNode.getInstance()).path("stats");
                if (i == 0 && !s.isMissingNode()) {
                    per.addULLong(p + "rd.reqs", s.path("rd_operations").asLong());
                    per.addULLong(p + "rd.bytes", s.path("rd_bytes").asLong());
                    per.addULLong(p + "rd.times", s.path("rd_total_time_ns").asLong());
                    per.addULLong(p + "wr.reqs", s.path("wr_operations").asLong());
                    per.addULLong(p + "wr.bytes", s.path("wr_bytes").asLong());
                    per.addULLong(p + "wr.times", s.path("wr_total_time_ns").asLong());
                    per.addULLong(p + "fl.reqs", s.path("flush_operations").asLong());
                    per.addULLong(p + "fl.times", s.path("flush_total_time_ns").asLong());
                }
                JsonNode ns = (i == 0 ? s : nodeStats.getOrDefault(l.topNode(cache), MissingNode.getInstance())
                        .path("stats"));
                if (!ns.isMissingNode()) {
                    per.addULLong(p + "allocation", ns.path("wr_highest_offset").asLong());
                }
                JsonNode image = nodes.getOrDefault(l.topNode(cache), MissingNode.getInstance()).path("image");
                if (image.has("virtual-size")) {
                    per.addULLong(p + "capacity", image.get("virtual-size").asLong());
                }
                long physical = physical(l, image);
                if (physical >= 0) {
                    per.addULLong(p + "physical", physical);
                }
                long threshold = nodes.getOrDefault(l.storageNode(), MissingNode.getInstance())
                        .path("write_threshold").asLong(0);
                if (threshold > 0) {
                    per.addULLong(p + "threshold", threshold);
                }
                count++;
            }
        }
        b.addUInt("block.count", count);
        b.addAll(per.build());
    }

    /** The size of an image's container: a file's length, a block device's size as QEMU sees it. */
    static long physical(BlockNodes.Layer l, JsonNode image) {
        if ("file".equals(l.type())) {
            try {
                return Files.size(Path.of(l.path()));
            } catch (IOException e) {
                return -1;
            }
        }
        return image.path("virtual-size").asLong(-1);
    }

    static Map<String, JsonNode> byNode(JsonNode list) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode n : list) {
            String name = n.path("node-name").asText("");
            if (!name.isEmpty()) {
                out.put(name, n);
            }
        }
        return out;
    }

    /** An answer, or nothing when it was not asked, failed or did not come in time. */
    static JsonNode get(CompletableFuture<JsonNode> f) {
        if (f == null) {
            return MissingNode.getInstance();
        }
        try {
            return f.get(QemuProcesses.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return MissingNode.getInstance();
        }
    }

    private static long schedWait(long pid, long tid) {
        try {
            String[] f = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid),
                    "schedstat")).trim().split(" ");
            return Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
