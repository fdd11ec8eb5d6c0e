package org.jvirt.rpc.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Program;

/** A program served: the procedures it answers, each with its handler. Unanswered ones get NO_SUPPORT. */
public final class ServerProgram {
    private final Program program;
    private final Map<Integer, CallHandler<?, ?>> handlers = new ConcurrentHashMap<>();

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

    CallHandler<?, ?> handler(int procedure) {
        return handlers.get(procedure);
    }
}
