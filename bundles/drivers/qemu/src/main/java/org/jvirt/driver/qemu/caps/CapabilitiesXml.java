package org.jvirt.driver.qemu.caps;

import java.util.ArrayList;
import java.util.List;

/**
 * The capabilities XML of a QEMU host (virConnectGetCapabilities), as libvirt's QEMU driver writes it: the host
 * (UUID, CPU architecture and topology, migration transports, NUMA cells, security models) and one guest per
 * emulator with its machine types, accelerators and features.
 */
public final class CapabilitiesXml {
    private CapabilitiesXml() {
    }

    /** A guest architecture and the binary that runs it. */
    public record Guest(String arch, QemuCaps caps) {
    }

    public static String format(HostFacts host, List<Guest> guests) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<capabilities>\n\n  <host>\n");
        b.append("    <uuid>").append(host.uuid()).append("</uuid>\n");
        b.append("    <cpu>\n      <arch>").append(host.arch()).append("</arch>\n");
        b.append("      <topology sockets='").append(host.sockets()).append("' dies='1' cores='")
                .append(host.coresPerSocket()).append("' threads='").append(host.threadsPerCore()).append("'/>\n");
        b.append("    </cpu>\n");
        b.append("    <power_management/>\n");
        b.append("    <iommu support='no'/>\n");
        b.append("    <migration_features>\n      <live/>\n      <uri_transports>\n");
        b.append("        <uri_transport>tcp</uri_transport>\n        <uri_transport>rdma</uri_transport>\n");
        b.append("      </uri_transports>\n    </migration_features>\n");
        b.append("    <topology>\n      <cells num='").append(host.cells().size()).append("'>\n");
        for (HostFacts.Cell c : host.cells()) {
            b.append("        <cell id='").append(c.id()).append("'>\n");
            b.append("          <memory unit='KiB'>").append(c.memoryKiB()).append("</memory>\n");
            b.append("          <distances>\n");
            for (HostFacts.Cell o : host.cells()) {
                b.append("            <sibling id='").append(o.id()).append("' value='")
                        .append(o.id() == c.id() ? 10 : 20).append("'/>\n");
            }
            b.append("          </distances>\n");
            b.append("          <cpus num='").append(c.cpus().size()).append("'>\n");
            for (HostFacts.Cpu cpu : c.cpus()) {
                b.append("            <cpu id='").append(cpu.id()).append("' socket_id='").append(cpu.socket())
                        .append("' die_id='").append(cpu.die()).append("' core_id='").append(cpu.core())
                        .append("' siblings='").append(cpu.siblings()).append("'/>\n");
            }
            b.append("          </cpus>\n        </cell>\n");
        }
        b.append("      </cells>\n    </topology>\n");
        b.append("    <secmodel>\n      <model>none</model>\n      <doi>0</doi>\n    </secmodel>\n");
        b.append("    <secmodel>\n      <model>dac</model>\n      <doi>0</doi>\n");
        b.append("      <baselabel type='kvm'>+0:+0</baselabel>\n");
        b.append("      <baselabel type='qemu'>+0:+0</baselabel>\n    </secmodel>\n");
        b.append("  </host>\n\n");
        for (Guest g : guests) {
            guest(b, g);
        }
        b.append("</capabilities>\n");
        return b.toString();
    }

    private static void guest(StringBuilder b, Guest g) {
        QemuCaps caps = g.caps();
        b.append("  <guest>\n    <os_type>hvm</os_type>\n");
        b.append("    <arch name='").append(g.arch()).append("'>\n");
        b.append("      <wordsize>").append(wordsize(g.arch())).append("</wordsize>\n");
        b.append("      <emulator>").append(escape(caps.emulator())).append("</emulator>\n");
        for (MachineEntry m : machineEntries(caps)) {
            b.append("      <machine");
            if (m.canonical() != null) {
                b.append(" canonical='").append(m.canonical()).append('\'');
            }
            if (m.maxCpus() > 0) {
                b.append(" maxCpus='").append(m.maxCpus()).append('\'');
            }
            if (m.deprecated()) {
                b.append(" deprecated='yes'");
            }
            b.append('>').append(m.name()).append("</machine>\n");
        }
        if (caps.hasType("tcg-accel")) {
            b.append("      <domain type='qemu'/>\n");
        }
        if (caps.kvm()) {
            b.append("      <domain type='kvm'/>\n");
        }
        b.append("    </arch>\n    <features>\n");
        if ("i686".equals(g.arch())) {
            b.append("      <pae/>\n      <nonpae/>\n");
        }
        b.append("      <acpi default='on' toggle='yes'/>\n");
        b.append("      <apic default='on' toggle='no'/>\n");
        b.append("      <cpuselection/>\n      <deviceboot/>\n");
        b.append("      <disksnapshot default='on' toggle='no'/>\n");
        b.append("      <externalSnapshot/>\n");
        b.append("    </features>\n  </guest>\n\n");
    }

    /** A {@code <machine>} line. */
    record MachineEntry(String name, String canonical, int maxCpus, boolean deprecated) {
    }

    /**
     * The machine lines as libvirt lists them: each machine by its alias (with canonical=) or its name, and every
     * canonical name that has no line of its own inserted just before its alias.
     */
    static List<MachineEntry> machineEntries(QemuCaps caps) {
        List<MachineEntry> list = new ArrayList<>();
        for (QemuCaps.Machine m : caps.machines()) {
            list.add(m.alias() != null ? new MachineEntry(m.alias(), m.name(), m.maxCpus(), m.deprecated())
                    : new MachineEntry(m.name(), null, m.maxCpus(), m.deprecated()));
        }
        for (int i = 0; i < list.size(); i++) {
            MachineEntry e = list.get(i);
            if (e.canonical() == null) {
                continue;
            }
            boolean present = list.stream().anyMatch(o -> o.name().equals(e.canonical()));
            if (!present) {
                list.add(i, new MachineEntry(e.canonical(), null, e.maxCpus(), e.deprecated()));
                i++;
            }
        }
        return list;
    }

    static int wordsize(String arch) {
        return switch (arch) {
            case "i686", "armv7l", "armv6l", "ppc", "mips", "mipsel", "riscv32", "sparc" -> 32;
            default -> 64;
        };
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
