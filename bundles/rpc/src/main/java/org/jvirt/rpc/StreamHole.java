package org.jvirt.rpc;

import org.jvirt.rpc.xdr.Xdr;
import org.jvirt.rpc.xdr.XdrType;

/** virNetStreamHole: the body of a STREAM_HOLE packet, a run of {@code length} zero bytes in a sparse stream. */
public record StreamHole(long length, int flags) {
    public static final XdrType<StreamHole> XDR = Xdr.struct(StreamHole.class, Xdr.HYPER, Xdr.UINT);
}
