package org.jvirt.rpc;

/** virNetMessageStatus. */
public enum MessageStatus {
    /** a call, a successful reply, an event, the end of a stream */
    OK(0),
    /** a failed reply (an error body follows), or a stream's abort */
    ERROR(1),
    /** stream data with more to come */
    CONTINUE(2);

    private static final MessageStatus[] BY_VALUE = values();
    private final int value;

    MessageStatus(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static MessageStatus of(int value) {
        if (value < 0 || value >= BY_VALUE.length) {
            throw new ProtocolException("unknown message status " + value);
        }
        return BY_VALUE[value];
    }
}
