package org.jvirt.rpc.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jvirt.rpc.KeepaliveProtocol;
import org.jvirt.rpc.remote.RemoteFeatures;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.*;
import org.jvirt.rpc.transport.RpcServer;
import org.jvirt.rpc.transport.ServerConfig;
import org.jvirt.rpc.transport.ServerProgram;
import org.jvirt.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real virsh 9.0 against a server built on jvirt's server core: it decodes virsh's calls and answers enough
 * of them for {@code virsh uri} to succeed, over TCP and over a unix socket.
 */
class VirshAgainstServerTest {
    private static final Path VIRSH = Path.of("/usr/bin/virsh");

    @TempDir
    Path tmp;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Integer> features = new CopyOnWriteArrayList<>();

    private RpcServer server() {
        ServerProgram remote = new ServerProgram(RemoteProtocol.PROGRAM)
                .on(RemoteProtocol.AUTH_LIST, (call, args) -> {
                    calls.add(call.procedure().name());
                    return new AuthListRet(List.of(RemoteProtocol.REMOTE_AUTH_NONE));
                })
                .on(RemoteProtocol.CONNECT_SUPPORTS_FEATURE, (call, args) -> {
                    calls.add(call.procedure().name());
                    features.add(args.feature());
                    boolean yes = args.feature() == RemoteFeatures.PROGRAM_KEEPALIVE
                            || args.feature() == RemoteFeatures.REMOTE_CLOSE_CALLBACK
                            || args.feature() == RemoteFeatures.REMOTE_EVENT_CALLBACK;
                    if (args.feature() == RemoteFeatures.PROGRAM_KEEPALIVE) {
                        call.client().startKeepalive(KeepaliveProtocol.DEFAULT_INTERVAL_SECONDS,
                                KeepaliveProtocol.DEFAULT_COUNT);
                    }
                    return new ConnectSupportsFeatureRet(yes ? 1 : 0);
                })
                .on(RemoteProtocol.CONNECT_OPEN, (call, args) -> {
                    calls.add(call.procedure().name() + " " + args.name());
                    return null;
                })
                .on(RemoteProtocol.CONNECT_REGISTER_CLOSE_CALLBACK, (call, args) -> {
                    calls.add(call.procedure().name());
                    return null;
                })
                .on(RemoteProtocol.CONNECT_UNREGISTER_CLOSE_CALLBACK, (call, args) -> {
                    calls.add(call.procedure().name());
                    return null;
                })
                .on(RemoteProtocol.CONNECT_GET_URI, (call, args) -> {
                    calls.add(call.procedure().name());
                    return new ConnectGetUriRet("test:///default");
                })
                .on(RemoteProtocol.CONNECT_CLOSE, (call, args) -> {
                    calls.add(call.procedure().name());
                    return null;
                });
        return new RpcServer(ServerConfig.defaults()).addProgram(remote);
    }

    private String virsh(String uri, String... command) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(VIRSH.toString(), "-q", "-c", uri));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("virsh finished").isTrue();
        assertThat(p.exitValue()).as("virsh exit status; output: %s", out).isZero();
        return out;
    }

    @Test
    void virshUriOverTcp() throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed (../shared/peers/install.sh): skipped");
        int port = LibvirtdPeer.freePort();
        try (RpcServer server = server()) {
            server.listen(Transports.listenTcp("127.0.0.1", port));
            String uri = "test+tcp://127.0.0.1:" + port + "/default";
            assertThat(virsh(uri, "uri")).isEqualTo(uri + "\n");
        }
        // virsh 9.0's dialect, exactly: keepalive is asked before the open, the callbacks after it
        assertThat(calls).containsExactly("AUTH_LIST", "CONNECT_SUPPORTS_FEATURE", "CONNECT_OPEN test:///default",
                "CONNECT_SUPPORTS_FEATURE", "CONNECT_SUPPORTS_FEATURE", "CONNECT_REGISTER_CLOSE_CALLBACK",
                "CONNECT_UNREGISTER_CLOSE_CALLBACK", "CONNECT_CLOSE");
        assertThat(features).containsExactly(RemoteFeatures.PROGRAM_KEEPALIVE, RemoteFeatures.REMOTE_EVENT_CALLBACK,
                RemoteFeatures.REMOTE_CLOSE_CALLBACK);
    }

    @Test
    void virshUriOverUnixSocket() throws Exception {
        assumeTrue(Files.isExecutable(VIRSH), "virsh is not installed (../shared/peers/install.sh): skipped");
        Path socket = tmp.resolve("jvirt-sock");
        try (RpcServer server = server()) {
            server.listen(Transports.listenUnix(socket));
            String uri = "test+unix:///default?socket=" + socket;
            assertThat(virsh(uri, "uri")).isEqualTo(uri + "\n");
        }
        assertThat(calls).contains("CONNECT_OPEN test:///default").endsWith("CONNECT_CLOSE");
    }
}
