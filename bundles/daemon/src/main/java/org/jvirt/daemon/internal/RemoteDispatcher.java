package org.jvirt.daemon.internal;

import java.util.Set;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Program;
import org.jvirt.rpc.qemu.QemuProtocol;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.transport.CallHandler;
import org.jvirt.rpc.transport.ServerCall;
import org.jvirt.rpc.transport.ServerProgram;

/**
 * Serves the REMOTE and QEMU programs from the dispatch table, with what libvirtd does around every call, in its
 * order: a client that has not authenticated may only authenticate ("authentication required"); a call before
 * CONNECT_OPEN finds no connection ("hypervisor connection not open"); a read-only connection is refused what
 * changes state ("operation forbidden: read only access prevents virX"); a procedure the API lacks is not supported.
 */
final class RemoteDispatcher {
    /** What a client may call before it has authenticated. */
    private static final Set<Procedure<?, ?>> BEFORE_AUTH = Set.of(RemoteProtocol.AUTH_LIST,
            RemoteProtocol.AUTH_SASL_INIT, RemoteProtocol.AUTH_SASL_START, RemoteProtocol.AUTH_SASL_STEP,
            RemoteProtocol.AUTH_POLKIT);

    private final DispatchTable table;
    private final ProcedureTable facts;

    RemoteDispatcher(DispatchTable table, ProcedureTable facts) {
        this.table = table;
        this.facts = facts;
    }

    ServerProgram remote() {
        return program(RemoteProtocol.PROGRAM);
    }

    ServerProgram qemu() {
        return program(QemuProtocol.PROGRAM);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ServerProgram program(Program program) {
        ServerProgram served = new ServerProgram(program);
        // authentication steps run on the reader thread: a layer they add must be in place for the next packet
        if (program == RemoteProtocol.PROGRAM) {
            BEFORE_AUTH.forEach(served::inline);
        }
        for (Procedure<?, ?> p : program.procedures()) {
            if (!p.event()) {
                served.on((Procedure) p, handler(p));
            }
        }
        return served;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CallHandler<Object, Object> handler(Procedure<?, ?> p) {
        ProcedureTable.Facts f = facts.facts(p);
        DispatchTable.Call call = table.call(p);
        boolean beforeAuth = BEFORE_AUTH.contains(p);
        // CONNECT_SUPPORTS_FEATURE answers the keepalive question before the connection opens
        boolean needsConnection = f != null && p != RemoteProtocol.CONNECT_SUPPORTS_FEATURE;
        return (ServerCall sc, Object args) -> {
            ClientSession session = ClientSession.of(sc.client());
            if (!beforeAuth && !session.authenticated()) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "authentication required");
            }
            if (needsConnection) {
                session.conn();
                if (session.readOnly() && f.readOnly().refuses(args)) {
                    throw f.denied();
                }
            }
            if (call == null) {
                if (f == null) {
                    throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.RPC, p.name());
                }
                throw f.noSupport();
            }
            try {
                return call.call(new CallContext(session, sc, f), args);
            } catch (VirtException e) {
                if (e.code() == ErrorCode.NO_SUPPORT && f != null) {
                    // the API names its own method; libvirt names the procedure's function, in its file's domain
                    throw f.noSupport();
                }
                throw e;
            }
        };
    }
}
