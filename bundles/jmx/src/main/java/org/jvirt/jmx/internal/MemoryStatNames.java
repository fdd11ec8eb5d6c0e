package org.jvirt.jmx.internal;

import org.jvirt.api.DomainMemoryStatTag;

/** The names virsh dommemstat prints for the memory statistics (tools/virsh-domain-monitor.c). */
final class MemoryStatNames {
    private MemoryStatNames() {
    }

    /** virsh's name of {@code tag}; null for one virsh does not print (NR, or a tag this version does not know). */
    static String of(DomainMemoryStatTag tag) {
        if (tag == null) {
            return null;
        }
        return switch (tag) {
            case SWAP_IN -> "swap_in";
            case SWAP_OUT -> "swap_out";
            case MAJOR_FAULT -> "major_fault";
            case MINOR_FAULT -> "minor_fault";
            case UNUSED -> "unused";
            case AVAILABLE -> "available";
            case ACTUAL_BALLOON -> "actual";
            case RSS -> "rss";
            case USABLE -> "usable";
            case LAST_UPDATE -> "last_update";
            case DISK_CACHES -> "disk_caches";
            case HUGETLB_PGALLOC -> "hugetlb_pgalloc";
            case HUGETLB_PGFAIL -> "hugetlb_pgfail";
            case NR -> null;
        };
    }
}
