package org.jvirt.daemon.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jvirt.rpc.Procedure;

/**
 * The daemon's declarative table: each procedure it answers, with the call that answers it through the API. The
 * entries are registered by one class per object kind ({@code DomainCalls}, {@code NetworkCalls} …); a procedure
 * without an entry is answered with libvirt's NO_SUPPORT error.
 */
final class DispatchTable {
    /** Answers one procedure: converts the wire's arguments, calls the API, converts the result back. */
    @FunctionalInterface
    interface Call<A, R> {
        R call(CallContext c, A args);
    }

    private final Map<Procedure<?, ?>, Call<?, ?>> calls = new HashMap<>();

    <A, R> DispatchTable on(Procedure<A, R> procedure, Call<A, R> call) {
        if (calls.put(procedure, call) != null) {
            throw new IllegalArgumentException(procedure + " registered twice");
        }
        return this;
    }

    /** The entry for {@code procedure}, or {@code null}. */
    Call<?, ?> call(Procedure<?, ?> procedure) {
        return calls.get(procedure);
    }

    Set<Procedure<?, ?>> procedures() {
        return Collections.unmodifiableSet(calls.keySet());
    }

    /** The whole table, as the daemon serves it. */
    static DispatchTable standard(DaemonContext context) {
        DispatchTable t = new DispatchTable();
        ConnectCalls.register(t, context);
        EventCalls.register(t);
        DomainCalls.register(t);
        DomainTuningCalls.register(t);
        DomainDeviceCalls.register(t);
        DomainGuestCalls.register(t);
        DomainJobCalls.register(t);
        SnapshotCalls.register(t);
        NetworkCalls.register(t);
        StorageCalls.register(t);
        HostObjectCalls.register(t);
        StreamCalls.register(t);
        return t;
    }
}
