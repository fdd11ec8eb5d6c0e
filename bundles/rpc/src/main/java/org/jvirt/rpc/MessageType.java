package org.jvirt.rpc;

/** virNetMessageType: what a packet is. */
public enum MessageType {
    /** client to server: a procedure's arguments */
    CALL(0),
    /** server to client: a procedure's result or error */
    REPLY(1),
    /** either way: an asynchronous event (libvirt's VIR_NET_MESSAGE) */
    MESSAGE(2),
    /** either way: stream data, or its end or abort */
    STREAM(3),
    /** client to server: a call passing file descriptors */
    CALL_WITH_FDS(4),
    /** server to client: a reply passing file descriptors */
    REPLY_WITH_FDS(5),
    /** either way: a hole in a sparse stream */
    STREAM_HOLE(6);

    private static final MessageType[] BY_VALUE = values();
    private final int value;

    MessageType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The type with this number, or a protocol error. */
    public static MessageType of(int value) {
        if (value < 0 || value >= BY_VALUE.length) {
            throw new ProtocolException("unknown message type " + value);
        }
        return BY_VALUE[value];
    }
}
