package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvirt.api.DomainDiskError;
import org.jvirt.api.DomainDiskErrorCode;
import org.jvirt.api.DomainInterfaceStats;
import org.jvirt.api.DomainMemoryStat;
import org.jvirt.api.DomainMemoryStatTag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.NetDef;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/**
 * A running guest's counters that virsh asks one by one: the balloon's memory statistics (dommemstat), disks that
 * stopped on an I/O error (domblkerror) and a host-side interface's traffic (domifstat).
 */
final class GuestCounters {
    private GuestCounters() {
    }

    /**
     * qemuDomainMemoryStats: the balloon's size, the guest's own statistics where its driver reports them (with
     * the time of that report, 0 before the first), then the QEMU process's resident size.
     */
    static List<DomainMemoryStat> memory(QemuDomainObj.Running r) {
        List<DomainMemoryStat> out = new ArrayList<>();
        DomainDef def = r.def();
        boolean balloon = def.devices().memballoon != null && !"none".equals(def.devices().memballoon.model);
        if (balloon) {
            JsonNode b = QmpCommands.execute(r.monitor(), "query-balloon", null);
            out.add(new DomainMemoryStat(DomainMemoryStatTag.ACTUAL_BALLOON, b.path("actual").asLong() / 1024));
            String alias = def.devices().memballoon.alias != null ? def.devices().memballoon.alias.name
                    : "balloon0";
            ObjectNode args = QmpMonitor.JSON.createObjectNode().put("path", "/machine/peripheral/" + alias)
                    .put("property", "guest-stats");
            JsonNode g = QmpCommands.execute(r.monitor(), "qom-get", args);
            JsonNode stats = g.path("stats");
            guestStat(out, stats, "stat-swap-in", DomainMemoryStatTag.SWAP_IN, 1024);
            guestStat(out, stats, "stat-swap-out", DomainMemoryStatTag.SWAP_OUT, 1024);
            guestStat(out, stats, "stat-major-faults", DomainMemoryStatTag.MAJOR_FAULT, 1);
            guestStat(out, stats, "stat-minor-faults", DomainMemoryStatTag.MINOR_FAULT, 1);
            guestStat(out, stats, "stat-free-memory", DomainMemoryStatTag.UNUSED, 1024);
            guestStat(out, stats, "stat-total-memory", DomainMemoryStatTag.AVAILABLE, 1024);
            guestStat(out, stats, "stat-available-memory", DomainMemoryStatTag.USABLE, 1024);
            out.add(new DomainMemoryStat(DomainMemoryStatTag.LAST_UPDATE, g.path("last-update").asLong(0)));
            guestStat(out, stats, "stat-disk-caches", DomainMemoryStatTag.DISK_CACHES, 1024);
            guestStat(out, stats, "stat-htlb-pgalloc", DomainMemoryStatTag.HUGETLB_PGALLOC, 1);
            guestStat(out, stats, "stat-htlb-pgfail", DomainMemoryStatTag.HUGETLB_PGFAIL, 1);
        } else {
            out.add(new DomainMemoryStat(DomainMemoryStatTag.ACTUAL_BALLOON, def.currentMemoryKiB()));
        }
        long rss = rssKiB(r.pid());
        if (rss >= 0) {
            out.add(new DomainMemoryStat(DomainMemoryStatTag.RSS, rss));
        }
        return out;
    }

    /** A statistic the guest's balloon driver reported (QEMU gives -1 for the ones it did not), in KiB or counts. */
    private static void guestStat(List<DomainMemoryStat> out, JsonNode stats, String name, DomainMemoryStatTag tag,
            long divisor) {
        JsonNode v = stats.get(name);
        if (v != null && v.asLong(-1) >= 0) {
            out.add(new DomainMemoryStat(tag, v.asLong() / divisor));
        }
    }

    /** The process's resident size in KiB (VmRSS), -1 once it has ended. */
    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return -1;
    }

    /** qemuDomainGetDiskErrors: each disk whose I/O status is not ok, as QEMU's query-block reports it. */
    static List<DomainDiskError> diskErrors(QemuDomainObj.Running r) {
        JsonNode blocks = QmpCommands.execute(r.monitor(), "query-block", null);
        List<DomainDiskError> out = new ArrayList<>();
        for (DiskDef d : r.def().devices().disks) {
            String id = d.alias == null ? null : d.alias.name;
            for (JsonNode b : blocks) {
                String qdev = b.path("qdev").asText("");
                if (id == null || !(qdev.equals(id) || qdev.startsWith("/machine/peripheral/" + id + "/"))) {
                    continue;
                }
                String status = b.path("io-status").asText("ok");
                if (!status.equals("ok")) {
                    out.add(new DomainDiskError(d.target.dev, status.equals("nospace") ? DomainDiskErrorCode.NO_SPACE
                            : DomainDiskErrorCode.UNSPEC));
                }
            }
        }
        return out;
    }

    /**
     * qemuDomainInterfaceStats: the interface named by its host device or MAC address; a tap's counters are the
     * host's seen from the guest (what the host receives the guest sent).
     */
    static DomainInterfaceStats interfaceStats(DomainDef def, String device) {
        NetDef net = null;
        for (NetDef n : def.devices().interfaces) {
            boolean byMac = n.mac != null && n.mac.address != null
                    && n.mac.address.toLowerCase(Locale.ROOT).equals(device.toLowerCase(Locale.ROOT));
            boolean byName = n.target != null && device.equals(n.target.dev);
            if (byMac || byName) {
                net = n;
                break;
            }
        }
        if (net == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "'" + device + "' is not a known interface");
        }
        if (net.target == null || net.target.dev == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "Interface name not provided");
        }
        Path stats = Path.of("/sys/class/net", net.target.dev, "statistics");
        try {
            return new DomainInterfaceStats(count(stats, "tx_bytes"), count(stats, "tx_packets"),
                    count(stats, "tx_errors"), count(stats, "tx_dropped"), count(stats, "rx_bytes"),
                    count(stats, "rx_packets"), count(stats, "rx_errors"), count(stats, "rx_dropped"));
        } catch (IOException | NumberFormatException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                    "Interface not found: " + net.target.dev);
        }
    }

    private static long count(Path stats, String name) throws IOException {
        return Long.parseLong(Files.readString(stats.resolve(name)).strip());
    }
}
