package org.jvirt.jmx;

import javax.management.ConstructorParameters;

/**
 * A disk's running block job, as {@code virsh blockjob --info} shows it. A console sees it as CompositeData.
 */
public final class BlockJob {
    private final String disk;
    private final String type;
    private final long bandwidth;
    private final long cur;
    private final long end;

    @ConstructorParameters({"disk", "type", "bandwidth", "cur", "end"})
    public BlockJob(String disk, String type, long bandwidth, long cur, long end) {
        this.disk = disk;
        this.type = type;
        this.bandwidth = bandwidth;
        this.cur = cur;
        this.end = end;
    }

    public String getDisk() {
        return disk;
    }

    /** In virsh's words: Block Pull, Block Copy, Block Commit, Active Block Commit, Backup, Unknown job. */
    public String getType() {
        return type;
    }

    /** The bandwidth limit, in MiB/s (0: none). */
    public long getBandwidth() {
        return bandwidth;
    }

    /** How far the job has got, in units of {@link #getEnd()}. */
    public long getCur() {
        return cur;
    }

    public long getEnd() {
        return end;
    }
}
