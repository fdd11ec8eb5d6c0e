package org.jvirt.rpc;

import java.util.List;
import org.jvirt.rpc.xdr.Xdr;

/**
 * libvirt's keepalive program (virkeepaliveprotocol.x): PING and PONG, both sent as MESSAGE packets with no body.
 * A side that has heard nothing for an interval pings; one that misses {@code count} answers in a row closes.
 */
public final class KeepaliveProtocol {
    private KeepaliveProtocol() {
    }

    public static final int PROGRAM = 0x6b656570;
    public static final int VERSION = 1;
    /** libvirt's defaults (libvirtd.conf and libvirt.conf): a ping after 5 s of silence, 5 missed ones close. */
    public static final int DEFAULT_INTERVAL_SECONDS = 5;
    public static final int DEFAULT_COUNT = 5;

    public static final Procedure<Void, Void> PING = new Procedure<>(PROGRAM, VERSION, 1, "PING", Xdr.VOID,
            Xdr.VOID, true, Priority.HIGH, StreamDirection.NONE, 0);
    public static final Procedure<Void, Void> PONG = new Procedure<>(PROGRAM, VERSION, 2, "PONG", Xdr.VOID,
            Xdr.VOID, true, Priority.HIGH, StreamDirection.NONE, 0);

    public static final Program KEEPALIVE = new Program("KEEPALIVE", PROGRAM, VERSION, List.of(PING, PONG));
}
