package org.jvirt.shell.internal.commands;

import java.util.BitSet;

import org.jvirt.api.Connect;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.vsh.CommandFailure;

/** CPU lists as virsh reads and writes them ("0-3,^2", "r" for every CPU) and the host's CPU count. */
final class CpuLists {
    private CpuLists() {
    }

    /** The host's CPUs, from virNodeGetCPUMap, or else virNodeGetInfo. */
    static int hostCpus(Connect conn) {
        try {
            return conn.nodeGetCPUMap().cpus();
        } catch (VirtException e) {
            return conn.nodeInfo().cpus();
        }
    }

    /** virshParseCPUList: a list of CPUs below {@code max}; "r" is all of them. */
    static BitSet parse(String list, int max) {
        BitSet set = new BitSet();
        if (list.equals("r")) {
            set.set(0, max);
            return set;
        }
        BitSet excluded = new BitSet();
        for (String part : list.split(",", -1)) {
            String p = part.trim();
            boolean negate = p.startsWith("^");
            if (negate) {
                p = p.substring(1);
            }
            int dash = p.indexOf('-');
            int lo;
            int hi;
            try {
                lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
                hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1));
            } catch (NumberFormatException e) {
                throw new CommandFailure("Invalid cpulist '" + list + "'");
            }
            if (lo < 0 || hi < lo) {
                throw new CommandFailure("Invalid cpulist '" + list + "'");
            }
            (negate ? excluded : set).set(lo, hi + 1);
        }
        set.andNot(excluded);
        if (set.length() > max) {
            throw new CommandFailure("Physical CPU " + (set.length() - 1) + " doesn't exist.");
        }
        if (set.isEmpty()) {
            throw new CommandFailure("No CPUs were selected");
        }
        return set;
    }

    /** virBitmapFormat: ranges, "0-3,5". */
    static String format(BitSet set) {
        StringBuilder b = new StringBuilder();
        int i = set.nextSetBit(0);
        while (i >= 0) {
            int end = set.nextClearBit(i) - 1;
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(i);
            if (end > i) {
                b.append('-').append(end);
            }
            i = set.nextSetBit(end + 1);
        }
        return b.toString();
    }

    /** One character a CPU: y where set, - where not. */
    static String yn(BitSet set, int cpus) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            b.append(set.get(i) ? 'y' : '-');
        }
        return b.toString();
    }
}
