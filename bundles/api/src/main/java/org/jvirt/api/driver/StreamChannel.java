package org.jvirt.api.driver;

/**
 * What a driver attaches to a {@link org.jvirt.api.Stream} (libvirt's virStreamDriver): the data path behind it,
 * a file, a pipe, a console's pty, or a remote stream. The platform's stream calls it for each chunk; a channel of
 * a non-blocking stream returns {@link org.jvirt.api.Stream#WOULD_BLOCK} instead of waiting.
 */
public interface StreamChannel {
    /** Takes up to {@code len} bytes of {@code data} from {@code off}; returns how many it took. */
    int send(byte[] data, int off, int len);

    /**
     * Gives up to {@code len} bytes into {@code buf} at {@code off}; returns how many, 0 at the end, or with
     * {@code stopAtHole} {@link org.jvirt.api.Stream#AT_HOLE} when the data at hand is a hole.
     */
    int recv(byte[] buf, int off, int len, boolean stopAtHole);

    /** Takes a hole of {@code length} bytes (sparse streams only). */
    default void sendHole(long length) {
        throw org.jvirt.api.VirtException.noSupport();
    }

    /** The length of the hole at hand (sparse streams only). */
    default long recvHole() {
        throw org.jvirt.api.VirtException.noSupport();
    }

    /** The client sent everything (or received the end): complete the transfer and report its outcome. */
    void finish();

    /** The client gave up: stop at once and release what the transfer holds. */
    void abort();

    /**
     * Starts telling {@code watcher} when the channel becomes readable or writable, fails or hangs up (for stream
     * event callbacks); a channel that cannot tell keeps the default, and event callbacks are then unsupported.
     */
    default void watch(StreamWatcher watcher) {
        throw org.jvirt.api.VirtException.noSupport();
    }
}
