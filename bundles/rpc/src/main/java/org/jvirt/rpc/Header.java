package org.jvirt.rpc;

import org.jvirt.rpc.xdr.XdrReader;
import org.jvirt.rpc.xdr.XdrWriter;

/** virNetMessageHeader: the 24 bytes after each length word. */
public record Header(int program, int version, int procedure, MessageType type, int serial, MessageStatus status) {

    public Header {
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(status, "status");
    }

    public void write(XdrWriter out) {
        out.writeInt(program).writeInt(version).writeInt(procedure).writeInt(type.value()).writeInt(serial)
                .writeInt(status.value());
    }

    public static Header read(XdrReader in) {
        if (in.remaining() < Limits.MESSAGE_HEADER_MAX) {
            throw new ProtocolException("Unable to decode message header");
        }
        return new Header(in.readInt(), in.readInt(), in.readInt(), MessageType.of(in.readInt()), in.readInt(),
                MessageStatus.of(in.readInt()));
    }

    /** The same header with another type and status: a reply to this call, a stream packet. */
    public Header with(MessageType newType, MessageStatus newStatus) {
        return new Header(program, version, procedure, newType, serial, newStatus);
    }

    @Override
    public String toString() {
        return String.format("Header[prog=0x%x vers=%d proc=%d type=%s serial=%d status=%s]", program, version,
                procedure, type, serial, status);
    }
}
