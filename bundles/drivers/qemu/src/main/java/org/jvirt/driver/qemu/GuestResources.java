package org.jvirt.driver.qemu;

import static org.jvirt.driver.qemu.QmpCommands.execute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.MemorySize;
import org.jvirt.conf.domain.Vcpu;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/**
 * A domain's memory and vCPUs changed while it runs and in its persistent definition (qemuDomainSetMemoryFlags,
 * qemuDomainSetVcpusFlags): the balloon's target, vCPUs plugged and unplugged (device_add and device_del of QEMU's
 * hotpluggable CPUs), and the definition's counts. Runs inside the domain's job.
 */
final class GuestResources {
    /** How long an unplug may take before libvirt says it timed out. */
    private static final Duration UNPLUG_WAIT = Duration.ofSeconds(5);

    private final QemuDriver driver;

    GuestResources(QemuDriver driver) {
        this.driver = driver;
    }

    /** virDomainSetMemoryFlags. */
    void setMemory(QemuDomainObj o, long kib, boolean live, boolean config, boolean maximum) {
        Impact imp = Impact.of(o, live, config);
        if (maximum) {
            if (imp.live() != null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot resize the maximum memory on an active domain");
            }
            synchronized (o) {
                DomainDef p = imp.persistent();
                p.memory = MemorySize.ofKiB(kib);
                if (p.currentMemoryKiB() > kib) {
                    p.currentMemory = MemorySize.ofKiB(kib);
                }
            }
            driver.saveConfig(imp.persistent());
            return;
        }
        long max;
        synchronized (o) {
            max = imp.live() != null ? imp.live().memoryKiB() : Long.MAX_VALUE;
            if (imp.persistent() != null) {
                max = Math.min(max, imp.persistent().memoryKiB());
            }
        }
        if (kib > max) {
            throw VirtException.invalidArg("cannot set memory higher than max memory");
        }
        if (imp.live() != null) {
            QmpMonitor mon;
            synchronized (o) {
                var balloon = imp.live().devices().memballoon;
                if (balloon == null || "none".equals(balloon.model)) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "Unable to change memory "
                            + "of active domain without the balloon device and guest OS balloon driver");
                }
                mon = o.monitor;
            }
            // the running definition follows QEMU's BALLOON_CHANGE, as libvirt's does
            execute(mon, "balloon", JsonNodeFactory.instance.objectNode().put("value", kib * 1024));
        }
        if (imp.persistent() != null) {
            synchronized (o) {
                imp.persistent().currentMemory = MemorySize.ofKiB(kib);
            }
            driver.saveConfig(imp.persistent());
        }
    }

    /** virDomainSetVcpusFlags (without GUEST): the maximum in the definition, or the count plugged. */
    void setVcpus(QemuDomainObj o, int count, boolean live, boolean config, boolean maximum) {
        if (count < 1) {
            throw VirtException.invalidArg("argument unsupported: requested vcpus is greater than max allowable "
                    + "vcpus for the domain: " + count);
        }
        Impact imp = Impact.of(o, live, config);
        if (maximum) {
            if (imp.live() != null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "cannot change maximum vCPU count of a live domain");
            }
            synchronized (o) {
                Vcpu v = vcpu(imp.persistent());
                int current = imp.persistent().vcpus();
                v.count = count;
                v.text = Integer.toString(count);
                setCurrent(v, Math.min(current, count));
            }
            driver.saveConfig(imp.persistent());
            return;
        }
        for (DomainDef d : new DomainDef[] {imp.live(), imp.persistent()}) {
            if (d != null && count > d.maxVcpus()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "requested vcpus is greater than "
                        + "max allowable vcpus for the live domain: " + count + " > " + d.maxVcpus());
            }
        }
        if (imp.live() != null) {
            plug(o, imp.live(), count);
        }
        if (imp.persistent() != null) {
            synchronized (o) {
                setCurrent(vcpu(imp.persistent()), count);
            }
            driver.saveConfig(imp.persistent());
        }
    }

    /** Brings the running guest to {@code count} vCPUs, one device_add or device_del at a time. */
    private void plug(QemuDomainObj o, DomainDef live, int count) {
        QmpMonitor mon;
        int now;
        synchronized (o) {
            mon = o.monitor;
            now = live.vcpus();
        }
        if (count == now) {
            return;
        }
        JsonNode slots = execute(mon, "query-hotpluggable-cpus", null);
        List<JsonNode> free = new ArrayList<>();
        List<JsonNode> plugged = new ArrayList<>();
        for (JsonNode s : slots) {
            (s.hasNonNull("qom-path") ? plugged : free).add(s);
        }
        // QEMU lists its slots from the last: plug in order, unplug from the end
        free.sort(java.util.Comparator.comparingInt(GuestResources::slotOrder));
        plugged.sort(java.util.Comparator.comparingInt(GuestResources::slotOrder).reversed());
        while (now < count) {
            if (free.isEmpty()) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "no free vCPU slot left");
            }
            JsonNode slot = free.remove(0);
            ObjectNode args = JsonNodeFactory.instance.objectNode().put("driver", slot.path("type").asText())
                    .put("id", "vcpu" + now);
            slot.path("props").fields().forEachRemaining(e -> args.set(e.getKey(), e.getValue()));
            execute(mon, "device_add", args);
            now++;
            setLiveCount(o, live, now);
        }
        while (now > count) {
            JsonNode slot = plugged.remove(0);
            String id = slot.path("qom-path").asText().replace("/machine/peripheral/", "");
            if (id.startsWith("/")) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "vCPU " + (now - 1) + " can't be unplugged");
            }
            var gone = o.awaitRemoval(id);
            execute(mon, "device_del", JsonNodeFactory.instance.objectNode().put("id", id));
            try {
                gone.get(UNPLUG_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU, "vcpu unplug request timed "
                        + "out. Unplug result must be manually inspected in the domain");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, String.valueOf(e.getCause()));
            }
            now--;
            setLiveCount(o, live, now);
        }
    }

    private void setLiveCount(QemuDomainObj o, DomainDef live, int count) {
        synchronized (o) {
            setCurrent(vcpu(live), count);
            o.vcpuThreads = null; // the threads changed: statistics ask QEMU again
        }
        try {
            StatusFile.write(driver.paths.statusFile(o.name()), o);
        } catch (java.io.IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot write status: " + e);
        }
    }

    private static int slotOrder(JsonNode slot) {
        JsonNode p = slot.path("props");
        return p.path("socket-id").asInt() * 10_000 + p.path("die-id").asInt() * 1_000 + p.path("core-id").asInt()
                * 10 + p.path("thread-id").asInt();
    }

    private static Vcpu vcpu(DomainDef d) {
        if (d.vcpu == null) {
            d.vcpu = new Vcpu();
            d.vcpu.placement = "static";
            d.vcpu.text = "1";
        }
        return d.vcpu;
    }

    private static void setCurrent(Vcpu v, int current) {
        if (current == v.count) {
            v.current = 0;
            v.currentText = null;
        } else {
            v.current = current;
            v.currentText = Integer.toString(current);
        }
    }
}
