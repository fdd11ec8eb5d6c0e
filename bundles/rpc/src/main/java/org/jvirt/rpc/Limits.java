package org.jvirt.rpc;

/** libvirt's message limits (virnetprotocol.x). Lengths are in bytes. */
public final class Limits {
    private Limits() {
    }

    /** A message buffer's first size; libvirt grows it as needed up to {@link #MESSAGE_MAX}. */
    public static final int MESSAGE_INITIAL = 65536;
    /** The payload limit of clients older than the enlarged buffers. */
    public static final int MESSAGE_LEGACY_PAYLOAD_MAX = 262120;
    /** The largest message, header and payload, not counting the length word. */
    public static final int MESSAGE_MAX = 33554432;
    /** The header's size on the wire. */
    public static final int MESSAGE_HEADER_MAX = 24;
    /** The largest payload. */
    public static final int MESSAGE_PAYLOAD_MAX = 33554408;
    /** The length word before each message. */
    public static final int MESSAGE_LEN_MAX = 4;
    /** The longest string (REMOTE_STRING_MAX). */
    public static final int MESSAGE_STRING_MAX = 4194304;
    /** The most file descriptors passed with one message. */
    public static final int MESSAGE_NUM_FDS_MAX = 32;
    /** VIR_UUID_BUFLEN. */
    public static final int UUID_BUFLEN = 16;
}
