package org.jvirt.daemon.internal;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvirt.api.ConnectFactory;
import org.jvirt.rpc.transport.RpcServer;
import org.jvirt.rpc.transport.ServerConfig;
import org.jvirt.rpc.transport.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon: one RPC server with libvirt's REMOTE and QEMU programs, and the listeners its configuration asks
 * for. A new configuration is applied in place: listeners that changed are closed and opened again, the others and
 * every connected client stay. The server and its dispatch table are built when the first listener opens: a
 * platform that serves no client (the shell's default) never pays for them.
 */
final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final ConnectFactory factory;
    private final Map<ListenerSpec, Running> running = new LinkedHashMap<>();
    private DaemonConfig config;
    /** {@code null} until the first listener opens; then set once, under this object's lock. */
    private volatile Served served;

    /** The server with its programs, and what the dispatch table's entries share. */
    private record Served(RpcServer server, DaemonContext context) {
    }

    /** A listener that is open, and what to undo when it closes. */
    private record Running(RpcServer.Listening listening, ListenerSpec spec) {
    }

    Daemon(ConnectFactory factory, DaemonConfig config) {
        this.factory = factory;
        this.config = config;
        apply(config);
    }

    /** The server, built on first use with the configuration in force (called under this object's lock). */
    private Served served() {
        Served s = served;
        if (s == null) {
            long start = System.nanoTime();
            ProcedureTable procedures = ProcedureTable.load();
            DaemonContext context = new DaemonContext(factory, procedures, SaslAuthority.of(config));
            RemoteDispatcher dispatcher = new RemoteDispatcher(DispatchTable.standard(context), procedures);
            // unix clients are read as TCP ones until they ask whether files pass (FD_PASSING, answered inline)
            RpcServer server = new RpcServer(serverConfig(config)).filesOnRequest(true)
                    .addProgram(dispatcher.remote())
                    .addProgram(dispatcher.qemu());
            s = new Served(server, context);
            served = s;
            LOG.debug("dispatch table built in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
        return s;
    }

    private static ServerConfig serverConfig(DaemonConfig c) {
        return ServerConfig.defaults().withMaxClients(c.maxClients()).withWorkers(c.maxWorkers(), c.prioWorkers())
                .withMaxClientRequests(c.maxClientRequests()).withMaxMessage(c.maxMessage())
                .withKeepalive(c.keepaliveInterval(), c.keepaliveCount()).withBusyPoll(c.busyPollMicros());
    }

    /** Applies a configuration: limits for new clients, SASL users, and the listeners it lists. */
    synchronized void apply(DaemonConfig newConfig) {
        this.config = newConfig;
        Served s = served;
        if (s != null) {
            s.server().reconfigure(serverConfig(newConfig));
            s.context().sasl(SaslAuthority.of(newConfig));
        }
        List<ListenerSpec> wanted = ListenerSpec.of(newConfig);
        for (ListenerSpec spec : List.copyOf(running.keySet())) {
            if (!wanted.contains(spec)) {
                stop(running.remove(spec));
            }
        }
        for (ListenerSpec spec : wanted) {
            if (!running.containsKey(spec)) {
                try {
                    running.put(spec, start(spec));
                    LOG.info("listening on {} ({}{})", spec.describe(), spec.service().readOnly() ? "read-only, " : "",
                            "auth " + spec.service().auth().name().toLowerCase(java.util.Locale.ROOT));
                } catch (IOException | RuntimeException e) {
                    LOG.error("cannot listen on {}: {}", spec.describe(), e.getMessage());
                }
            }
        }
    }

    private Running start(ListenerSpec spec) throws IOException {
        RpcServer server = served().server();
        ServerSocketChannel channel = switch (spec.kind()) {
            case UNIX -> UnixSockets.listen(spec.socket(), spec.perms(), spec.group());
            case TCP, TLS -> Transports.listenTcp(spec.host(), spec.port());
        };
        TlsServer tls = spec.kind() == ListenerSpec.Kind.TLS ? TlsServer.load(spec.tls()) : null;
        Service service = spec.service();
        RpcServer.Listening l = server.listen(channel, client -> {
            if (tls != null) {
                client.wrapChannel(ch -> tls.wrap(ch, client.name()));
            }
            ClientSession.attach(client, service);
        });
        return new Running(l, spec);
    }

    private static void stop(Running r) {
        r.listening().close();
        if (r.spec().kind() == ListenerSpec.Kind.UNIX) {
            try {
                Files.deleteIfExists(r.spec().socket());
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", r.spec().socket(), e.getMessage());
            }
        }
        LOG.info("stopped listening on {}", r.spec().describe());
    }

    /** The listeners open now. */
    synchronized List<ListenerSpec> listeners() {
        return List.copyOf(running.keySet());
    }

    synchronized DaemonConfig config() {
        return config;
    }

    /** The server, or {@code null} while no listener has opened yet. */
    RpcServer server() {
        Served s = served;
        return s == null ? null : s.server();
    }

    /** Closes every listener and client. */
    @Override
    public synchronized void close() {
        for (Running r : running.values()) {
            stop(r);
        }
        running.clear();
        Served s = served;
        if (s != null) {
            s.server().close();
        }
    }
}
