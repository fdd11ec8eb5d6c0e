package org.jvirt.rpc.transport;

import org.jvirt.rpc.Header;
import org.jvirt.rpc.Procedure;

/** One call being answered: who called, which procedure, and the means to open the call's stream. */
public final class ServerCall {
    private final ServerClient client;
    private final Header header;
    private final Procedure<?, ?> procedure;
    private final ReceivedFiles files;
    private volatile boolean closeAfterReply;
    private volatile Runnable afterReply;

    ServerCall(ServerClient client, Header header, Procedure<?, ?> procedure, ReceivedFiles files) {
        this.client = client;
        this.header = header;
        this.procedure = procedure;
        this.files = files;
    }

    /**
     * The open files the call brought (CALL_WITH_FDS on a unix socket), in the order sent; none for a plain call.
     * They stay open until the call is answered, then the server closes them: a callee keeping one takes a copy.
     */
    public java.util.List<java.io.FileDescriptor> files() {
        return files.count() == 0 ? java.util.List.of() : files.descriptors();
    }

    public ServerClient client() {
        return client;
    }

    public Header header() {
        return header;
    }

    public Procedure<?, ?> procedure() {
        return procedure;
    }

    /** Closes the client's connection once the reply is sent (CONNECT_CLOSE). */
    public void closeAfterReply() {
        closeAfterReply = true;
    }

    boolean closesAfterReply() {
        return closeAfterReply;
    }

    /**
     * Runs {@code action} once the successful reply is written, before the client's next packet is read when the
     * call runs on the reader thread: the moment to start a stream's data, or to insert a layer (SASL) that applies
     * from the next packet on.
     */
    public void afterReply(Runnable action) {
        afterReply = action;
    }

    Runnable afterReplyAction() {
        return afterReply;
    }

    /**
     * The stream of this call (for @readstream/@writestream procedures): packets the client sends with this
     * call's serial arrive in it from now on; the reply goes out when the handler returns.
     */
    public RpcStream openStream() {
        return client.openStream(header);
    }
}
