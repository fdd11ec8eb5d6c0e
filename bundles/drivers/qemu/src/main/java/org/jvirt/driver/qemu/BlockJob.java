package org.jvirt.driver.qemu;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.DomainBlockJobType;
import org.jvirt.driver.qemu.command.BlockNodes;

/**
 * One block job of a running domain (libvirt's qemuBlockJobData): a QEMU job named as libvirt names them
 * ({@code pull-vda-libvirt-3-format}), the images it works on (by index), and where it stands. Its fields change
 * under the domain object's monitor.
 */
final class BlockJob {
    /** libvirt's job states (qemuBlockjobState), as far as jvirt needs them. */
    enum State {
        RUNNING, READY, ABORTING, PIVOTING;

        String xmlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final String name;
    final DomainBlockJobType type;
    /** The disk's target ("vda"). */
    final String disk;
    /** commit: the top image; pull and copy: the disk's top image. */
    final int top;
    /** pull and commit: the image that stays below, or -1 for none (pull everything). */
    final int base;
    /** commit: the image above top, or -1 for an active commit. */
    final int topParent;
    /** copy: the new image's layer (the mirror). */
    final BlockNodes.Layer mirror;
    /** copy: a shallow copy, whose new image takes the rest of the chain as its backing. */
    final boolean shallow;
    /** commit: delete the committed images afterwards. */
    final boolean deleteCommitted;
    State state = State.RUNNING;
    /** Someone waits for the end and processes it itself (a synchronous abort). */
    volatile boolean synchronous;
    /** QEMU said the job concluded. */
    final CompletableFuture<Void> concluded = new CompletableFuture<>();
    /** The end is processed once, by whoever gets there first. */
    final AtomicBoolean processed = new AtomicBoolean();

    BlockJob(String name, DomainBlockJobType type, String disk, int top, int base, int topParent,
            BlockNodes.Layer mirror, boolean shallow, boolean deleteCommitted) {
        this.name = name;
        this.type = type;
        this.disk = disk;
        this.top = top;
        this.base = base;
        this.topParent = topParent;
        this.mirror = mirror;
        this.shallow = shallow;
        this.deleteCommitted = deleteCommitted;
    }

    /** libvirt's job type name in the status XML. */
    String typeName() {
        return switch (type) {
            case PULL -> "pull";
            case COPY -> "copy";
            case COMMIT -> "commit";
            case ACTIVE_COMMIT -> "active-commit";
            default -> "";
        };
    }

    static DomainBlockJobType typeOf(String name) {
        return switch (name) {
            case "pull" -> DomainBlockJobType.PULL;
            case "copy" -> DomainBlockJobType.COPY;
            case "commit" -> DomainBlockJobType.COMMIT;
            case "active-commit" -> DomainBlockJobType.ACTIVE_COMMIT;
            default -> DomainBlockJobType.UNKNOWN;
        };
    }
}
