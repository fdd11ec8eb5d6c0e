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

    /**
     * The calls whose lifecycle event a driver emits before it returns: the reply waits (briefly) for the event to go
     * to a client that has a callback for it, so such a client always hears of the change before the call returns.
     * Calls whose events come later by nature (a guest's own shutdown, reboot, wake-up) are not here.
     */
    private static final Set<Procedure<?, ?>> EVENT_BEFORE_REPLY = Set.of(RemoteProtocol.DOMAIN_CREATE,
            RemoteProtocol.DOMAIN_CREATE_WITH_FLAGS, RemoteProtocol.DOMAIN_CREATE_XML, RemoteProtocol.DOMAIN_DEFINE_XML,
            RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES, RemoteProtocol.DOMAIN_CREATE_WITH_FILES,
            RemoteProtocol.DOMAIN_DEFINE_XML_FLAGS, RemoteProtocol.DOMAIN_UNDEFINE, RemoteProtocol.DOMAIN_UNDEFINE_FLAGS,
            RemoteProtocol.DOMAIN_DESTROY, RemoteProtocol.DOMAIN_DESTROY_FLAGS, RemoteProtocol.DOMAIN_SUSPEND,
            RemoteProtocol.DOMAIN_RESUME, RemoteProtocol.DOMAIN_SAVE, RemoteProtocol.DOMAIN_SAVE_FLAGS,
            RemoteProtocol.DOMAIN_SAVE_PARAMS, RemoteProtocol.DOMAIN_RESTORE, RemoteProtocol.DOMAIN_RESTORE_FLAGS,
            RemoteProtocol.DOMAIN_RESTORE_PARAMS, RemoteProtocol.DOMAIN_MANAGED_SAVE);
    /**
     * Calls libvirt gives low priority (a hypervisor may take its time) that jvirt's drivers answer from the
     * platform's own state, never from a guest agent or a long operation: answered on the client's reader thread,
     * as high-priority ones are, without the hand-over to a worker. Defining and undefining are here too: parsing
     * and writing one definition is short and bounded in every driver. What stays on the workers is what may block.
     */
    private static final Set<Procedure<?, ?>> QUICK = Set.of(RemoteProtocol.DOMAIN_GET_INFO,
            RemoteProtocol.DOMAIN_GET_XML_DESC, RemoteProtocol.CONNECT_GET_CAPABILITIES,
            RemoteProtocol.DOMAIN_GET_SCHEDULER_TYPE, RemoteProtocol.NODE_DEVICE_GET_XML_DESC,
            RemoteProtocol.INTERFACE_GET_XML_DESC, RemoteProtocol.DOMAIN_HAS_MANAGED_SAVE_IMAGE,
            RemoteProtocol.DOMAIN_HAS_CURRENT_SNAPSHOT, RemoteProtocol.DOMAIN_GET_METADATA,
            RemoteProtocol.DOMAIN_SNAPSHOT_IS_CURRENT, RemoteProtocol.DOMAIN_SNAPSHOT_HAS_METADATA,
            RemoteProtocol.DOMAIN_GET_EMULATOR_PIN_INFO, RemoteProtocol.DOMAIN_GET_VCPU_PIN_INFO,
            RemoteProtocol.NODE_GET_CPU_MAP, RemoteProtocol.DOMAIN_GET_MESSAGES,
            RemoteProtocol.DOMAIN_MANAGED_SAVE_GET_XML_DESC, RemoteProtocol.DOMAIN_CHECKPOINT_GET_XML_DESC,
            RemoteProtocol.NETWORK_PORT_GET_XML_DESC, RemoteProtocol.CONNECT_GET_STORAGE_POOL_CAPABILITIES,
            RemoteProtocol.DOMAIN_DEFINE_XML, RemoteProtocol.DOMAIN_DEFINE_XML_FLAGS, RemoteProtocol.DOMAIN_UNDEFINE,
            RemoteProtocol.DOMAIN_UNDEFINE_FLAGS,
            // answered from constants; FD_PASSING must be answered where the client's reads are made (see
            // ConnectCalls)
            RemoteProtocol.CONNECT_SUPPORTS_FEATURE);

    /** How long a reply waits for its event at most: the event thread is late only when the host is starved. */
    private static final long EVENT_WAIT_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(5);

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
            QUICK.forEach(served::inline);
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
        // decided once per procedure, not per call
        boolean eventful = EVENT_BEFORE_REPLY.contains(p);
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
            long eventsBefore = eventful ? session.events().domainEventsSent() : 0;
            try {
                CallContext context = new CallContext(session, sc, f);
                Object result = call.call(context, args);
                if (eventful && session.events().expects(org.jvirt.api.event.DomainEventId.LIFECYCLE,
                        context.touchedDomain())) {
                    session.events().awaitDomainEvent(eventsBefore, EVENT_WAIT_NANOS);
                }
                return result;
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
