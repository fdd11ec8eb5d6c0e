package org.jvirt.rpc.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Program;

/** A program served: the procedures it answers, each with its handler. Unanswered ones get NO_SUPPORT. */
public final class ServerProgram {
    private final Program program;
    private final Map<Integer, CallHandler<?, ?>> handlers = new ConcurrentHashMap<>();
    private final java.util.Set<Integer> inline = ConcurrentHashMap.newKeySet();

    public ServerProgram(Program program) {
        this.program = program;
    }

    public Program program() {
        return program;
    }

    /** Answers {@code procedure} with {@code handler}. */
    public <A, R> ServerProgram on(Procedure<A, R> procedure, CallHandler<A, R> handler) {
        if (program.procedure(procedure.number()) != procedure) {
            throw new IllegalArgumentException(procedure + " is not a procedure of " + program.name());
        }
        handlers.put(procedure.number(), handler);
        return this;
    }

    /**
     * Answers {@code procedure} always on the client's reader thread, whatever its priority: what must be done before
     * the next packet is read (an authentication step that changes the channel).
     */
    public ServerProgram inline(Procedure<?, ?> procedure) {
        inline.add(procedure.number());
        return this;
    }

    boolean isInline(int procedure) {
        return inline.contains(procedure);
    }

    CallHandler<?, ?> handler(int procedure) {
        return handlers.get(procedure);
    }
}
