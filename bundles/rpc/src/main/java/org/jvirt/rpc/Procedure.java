package org.jvirt.rpc;

import org.jvirt.rpc.xdr.XdrType;

/**
 * One procedure of a program, as data: its number and name, the XDR types of its arguments and result (or of its
 * event body), its priority and stream. The protocol classes ({@code RemoteProtocol}, {@code QemuProtocol}) declare
 * one constant per procedure; clients and servers use them to encode and decode.
 *
 * @param <A> the arguments (or an event's body); {@code Void} when there are none
 * @param <R> the result; {@code Void} when there is none
 * @param streamArg libvirt's parameter position of the stream (@readstream/@writestream), 0 when there is none
 */
public record Procedure<A, R>(int program, int version, int number, String name, XdrType<A> args, XdrType<R> ret,
        boolean event, Priority priority, StreamDirection stream, int streamArg) {

    @Override
    public String toString() {
        return name + "(" + number + ")";
    }
}
