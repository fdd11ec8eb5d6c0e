package org.jvirt.driver.remote.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.AttachableStream;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.rpc.remote.RemoteFeatures;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.AuthListRet;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectOpenArgs;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectSupportsFeatureArgs;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNodeDevice;
import org.jvirt.rpc.transport.BusyPollChannel;
import org.jvirt.rpc.transport.FilePassing;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.SaslFramedChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open remote connection: the RPC client on its transport, opened as libvirt's client opens one
 * (authentication, keepalive, CONNECT_OPEN, event callbacks, close callback), the Connect proxy users get, and
 * the execution of call plans.
 */
public final class RemoteSession {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSession.class);
    /**
     * libvirt's client keepalive: a ping after 5 s of silence, the connection closed after 5 unanswered; the system
     * properties {@code jvirt.remote.keepalive.interval} and {@code .count} change it for connections opened later.
     */
    static int keepaliveInterval() {
        return Integer.getInteger("jvirt.remote.keepalive.interval", 5);
    }

    static int keepaliveCount() {
        return Integer.getInteger("jvirt.remote.keepalive.count", 5);
    }

    /** How long a server may stay silent before it is given up: what keepalive allows. */
    static Duration silenceLimit() {
        return Duration.ofSeconds((long) Math.max(1, keepaliveInterval()) * (keepaliveCount() + 1));
    }

    private final String uri;
    private final RemoteUri remote;
    private final RpcClient client;
    private final WireObjects objects;
    private final WireValues values;
    private final Connect connect;
    private final EventRelay relay;
    private final SaslFramedChannel channel;
    private volatile boolean closedByUser;
    private volatile boolean keepalive;
    private volatile Boolean typedParamStrings;
    private volatile SaslAuthentication.Outcome sasl;

    private RemoteSession(String uri, RemoteUri remote, RpcClient client, SaslFramedChannel channel,
            ConnectRequest request) {
        this.uri = uri;
        this.remote = remote;
        this.client = client;
        this.channel = channel;
        this.objects = new WireObjects(this);
        this.values = new WireValues(objects);
        this.connect = (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(), new Class<?>[] {Connect.class},
                new RemoteHandle(this, Connect.class, null));
        this.relay = new EventRelay(this, request.events());
    }

    /** Opens a connection for {@code request}; fails with libvirt's error when the server cannot be reached. */
    public static Connect open(ConnectRequest request) {
        RemoteUri remote = RemoteUri.parse(request.uri());
        ByteChannel transport = TransportOpener.open(remote, request.readOnly());
        ByteChannel raw = transport;
        if (transport instanceof SocketChannel socket) {
            // a reply awaited is looked for briefly before the reader sleeps (see BusyPollChannel)
            try {
                transport = BusyPollChannel.of(socket, RpcClient.BUSY_POLL_MICROS);
            } catch (IOException e) {
                closeQuietly(socket);
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                        "unable to set up the connection to " + remote.hostOrLocal() + ": " + e.getMessage(), e);
            }
        }
        SaslFramedChannel channel = new SaslFramedChannel(transport);
        RpcClient client = RpcClient.open(request.uri().toString(), channel);
        if (raw instanceof SocketChannel socket) {
            // open files go beside calls on a unix socket (FilePassing is null for TCP)
            client.sendFilesOn(FilePassing.of(socket));
        }
        if (transport instanceof BusyPollChannel polled) {
            polled.pollWhile(client::awaitingReplies);
        }
        try {
            RemoteSession s = new RemoteSession(request.uri().toString(), remote, client, channel, request);
            s.handshake(request);
            return s.connect;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private void handshake(ConnectRequest request) {
        try {
            handshakeCalls(request, silenceLimit());
        } catch (VirtException e) {
            if (e.code() == ErrorCode.OPERATION_TIMEOUT) {
                // a server silent through the opening is given up as keepalive gives up a silent one later
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                        "connection closed due to keepalive timeout");
            }
            throw e;
        }
    }

    private void handshakeCalls(ConnectRequest request, Duration t) {
        AuthListRet auth = client.call(RemoteProtocol.AUTH_LIST, null, t);
        sasl = Authenticator.authenticate(client, channel, auth.types(), request.uri(), remote, secureTransport(),
                request.auth(), t);
        if (supports(RemoteFeatures.PROGRAM_KEEPALIVE, t)) {
            client.startKeepalive(keepaliveInterval(), keepaliveCount());
            keepalive = true;
        }
        client.onEvents(RemoteProtocol.PROGRAM, relay);
        client.onEvents(org.jvirt.rpc.qemu.QemuProtocol.PROGRAM, relay);
        client.onClose(this::closedUnderneath);
        client.call(RemoteProtocol.CONNECT_OPEN, new ConnectOpenArgs(remote.name(), request.readOnly() ? 1 : 0), t);
        if (supports(RemoteFeatures.REMOTE_CLOSE_CALLBACK, t)) {
            client.call(RemoteProtocol.CONNECT_REGISTER_CLOSE_CALLBACK, null, t);
        }
        relay.register(supports(RemoteFeatures.REMOTE_EVENT_CALLBACK, t), t);
        LOG.debug("remote: opened {} as '{}' over {}", uri, remote.name(), remote.transport());
    }

    /**
     * Whether the server sends string typed parameters (asked once: a server's features do not change while it is
     * connected; libvirt's library asks before each such call).
     */
    boolean typedParamStrings() {
        Boolean b = typedParamStrings;
        if (b == null) {
            b = supportsFeature(RemoteFeatures.TYPED_PARAM_STRING);
            typedParamStrings = b;
        }
        return b;
    }

    /**
     * Whether the server's driver supports {@code feature}: asked of the server each time, as libvirt's client asks;
     * only REMOTE is answered here (this is the remote driver).
     */
    boolean supportsFeature(int feature) {
        if (feature == RemoteFeatures.REMOTE) {
            return true;
        }
        return client.call(RemoteProtocol.CONNECT_SUPPORTS_FEATURE, new ConnectSupportsFeatureArgs(feature))
                .supported() != 0;
    }

    private boolean supports(int feature, Duration t) {
        return client.call(RemoteProtocol.CONNECT_SUPPORTS_FEATURE, new ConnectSupportsFeatureArgs(feature), t)
                .supported() != 0;
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the connection is being given up anyway
        }
    }

    private void closedUnderneath(VirtException reason) {
        if (closedByUser) {
            return;
        }
        String m = reason.getMessage() == null ? "" : reason.getMessage();
        // files that could not follow their call close the connection as an I/O error, as libvirt's client closes it
        CloseReason why = m.contains("keepalive") ? CloseReason.KEEPALIVE
                : m.contains("Sending file descriptors") ? CloseReason.ERROR : CloseReason.EOF;
        LOG.info("remote: connection {} closed: {}", uri, reason.getMessage());
        relay.connectionClosed(why);
    }

    String uri() {
        return uri;
    }

    /** A transport libvirt's client trusts as it is: a local socket, TLS or ssh; not plain TCP, nor ext. */
    boolean secureTransport() {
        return switch (remote.transport()) {
            case UNIX, TLS, SSH, LIBSSH, LIBSSH2 -> true;
            case TCP, EXT -> false;
        };
    }

    /** What SASL authentication negotiated, or {@code null} when the server asked for none. */
    SaslAuthentication.Outcome sasl() {
        return sasl;
    }

    RemoteUri remote() {
        return remote;
    }

    RpcClient client() {
        return client;
    }

    WireObjects objects() {
        return objects;
    }

    WireValues values() {
        return values;
    }

    Connect connect() {
        return connect;
    }

    boolean keepaliveOn() {
        return keepalive;
    }

    /** Closes: CONNECT_CLOSE when the server is still there, then the socket and the reader thread. */
    void close() {
        if (closedByUser) {
            return;
        }
        closedByUser = true;
        try {
            if (client.isOpen()) {
                client.call(RemoteProtocol.CONNECT_CLOSE, null, Duration.ofSeconds(5));
            }
        } catch (VirtException e) {
            LOG.debug("remote: CONNECT_CLOSE on {}: {}", uri, e.getMessage());
        } finally {
            client.close();
        }
    }

    /** Runs a call plan for {@code handle} with the method's {@code args}. */
    Object execute(CallPlan plan, RemoteHandle handle, Object[] args) {
        Object[] fields = new Object[plan.fills.length];
        Class<?>[] types = plan.argsTypes;
        java.lang.reflect.Type[] generic = plan.argsGenericTypes;
        try {
            for (int i = 0; i < fields.length; i++) {
                CallPlan.Fill f = plan.fills[i];
                if (f instanceof CallPlan.Self s) {
                    fields[i] = s.nameOnly() ? ((NonnullNodeDevice) handle.identity()).name() : handle.identity();
                } else if (f instanceof CallPlan.Arg a) {
                    fields[i] = values.toWire(args[a.index()], types[i], generic[i]);
                } else if (f instanceof CallPlan.Fixed x) {
                    fields[i] = x.value();
                } else if (f instanceof CallPlan.ParamCount) {
                    fields[i] = 0;
                } else if (f instanceof CallPlan.InstantPart p) {
                    java.time.Instant at = (java.time.Instant) args[p.index()];
                    fields[i] = p.seconds() ? (Object) at.getEpochSecond() : (Object) at.getNano();
                }
            }
        } catch (WireValues.Unconvertible e) {
            throw VirtException.invalidArg(e.getMessage());
        }
        if (plan.stringParamsFlagsField >= 0 && typedParamStrings()) {
            int i = plan.stringParamsFlagsField;
            fields[i] = (Integer) fields[i] | CallPlan.TYPED_PARAM_STRING_OKAY;
        }
        Object reply = send(plan, fields, args);
        if (plan.twoPhase) {
            Object[] comps = WireValues.components((Record) reply);
            int count = -1;
            boolean empty = true;
            for (Object c : comps) {
                if (c instanceof List<?> l) {
                    empty = l.isEmpty();
                }
            }
            for (java.lang.reflect.RecordComponent rc : reply.getClass().getRecordComponents()) {
                if (rc.getName().equals("nparams")) {
                    count = (Integer) comps[indexOf(reply, "nparams")];
                }
            }
            if (empty && count > 0) {
                fields[plan.paramCountField] = count;
                reply = send(plan, fields, args);
            }
        }
        afterCall(plan, handle, reply);
        try {
            return plan.result(values, reply);
        } catch (WireValues.Unconvertible e) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC,
                    "cannot read the reply of " + plan.procedure.name() + ": " + e.getMessage());
        }
    }

    private static int indexOf(Object record, String name) {
        java.lang.reflect.RecordComponent[] rc = record.getClass().getRecordComponents();
        for (int i = 0; i < rc.length; i++) {
            if (rc[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private Object send(CallPlan plan, Object[] fields, Object[] args) {
        Object a;
        try {
            a = plan.argsConstructor == null ? null : plan.argsConstructor.newInstance(fields);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : VirtException.invalidArg(String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.REMOTE, e.toString(), e);
        }
        if (plan.hasStream()) {
            Stream stream = (Stream) args[plan.streamArg];
            AttachableStream target = AttachableStream.of(stream);
            RpcClient.StreamCall<Object> sc = client.callWithStream(plan.procedure, a);
            target.attach(new RemoteStreamChannel(sc.stream(), plan.procedure.stream()));
            return sc.result();
        }
        return client.call(plan.procedure, a);
    }

    /** A domain's id follows its state, as libvirt's client updates its handle. */
    private void afterCall(CallPlan plan, RemoteHandle handle, Object reply) {
        if (handle == null || !(handle.identity() instanceof NonnullDomain d)) {
            return;
        }
        String p = plan.procedure.name();
        if (p.equals("DOMAIN_CREATE_WITH_FLAGS") || p.equals("DOMAIN_CREATE_WITH_FILES")) {
            Object[] c = WireValues.components((Record) reply);
            if (c.length > 0 && c[0] instanceof NonnullDomain fresh) {
                handle.identity(fresh);
            }
        } else if (p.equals("DOMAIN_CREATE")) {
            // no domain in the reply: ask by UUID for the new id, as libvirt's client does
            handle.identity(client.call(RemoteProtocol.DOMAIN_LOOKUP_BY_UUID,
                    new RemoteProtocol.DomainLookupByUuidArgs(d.uuid())).dom());
        } else if (p.equals("DOMAIN_DESTROY") || p.equals("DOMAIN_DESTROY_FLAGS")) {
            handle.identity(new NonnullDomain(d.name(), d.uuid(), -1));
        }
    }
}
