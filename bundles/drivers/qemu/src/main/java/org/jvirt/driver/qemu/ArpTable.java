package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The host's IPv4 neighbours with a known hardware address, as libvirt's virArpTableGet keeps them (it asks netlink
 * and keeps the reachable and stale entries); jvirt reads {@code /proc/net/arp} and keeps the complete entries
 * that are not permanent, which is the nearest that file can say.
 */
record ArpTable(List<Entry> entries) {
    /** The kernel's table. */
    static final Path PROC = Path.of("/proc/net/arp");
    /** ATF_COM: the hardware address is known. */
    private static final int COMPLETE = 0x2;
    /** ATF_PERM: a static entry, which netlink reports as permanent and libvirt leaves out. */
    private static final int PERMANENT = 0x4;

    /** One neighbour: its IPv4 address and its MAC address in lower case. */
    record Entry(String ip, String mac) {
    }

    ArpTable {
        entries = List.copyOf(entries);
    }

    /** Reads {@code file} (in the layout of {@code /proc/net/arp}). */
    static ArpTable read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "Unable to read " + file + ": "
                    + e.getMessage());
        }
    }

    /** The entries of the text of {@code /proc/net/arp}: a header line, then address, type, flags, MAC, mask, device. */
    static ArpTable parse(String text) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            int flags;
            try {
                flags = Integer.decode(f[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            if ((flags & COMPLETE) == 0 || (flags & PERMANENT) != 0) {
                continue;
            }
            out.add(new Entry(f[0], f[3].toLowerCase(Locale.ROOT)));
        }
        return new ArpTable(out);
    }

    /** The IPv4 addresses the table gives {@code mac}, in its order. */
    List<String> addressesOf(String mac) {
        String m = mac.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.mac().equals(m)).map(Entry::ip).toList();
    }
}
