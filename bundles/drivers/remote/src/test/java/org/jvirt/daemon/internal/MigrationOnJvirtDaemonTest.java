package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

import org.jvirt.api.ConnectFactory;
import org.jvirt.api.VirtException;
import org.jvirt.driver.remote.MigrationCases;
import org.jvirt.driver.remote.PythonLibvirt;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.peer.LibvirtdPeer;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.jvirt.rpc.remote.RemoteProtocol.TypedParam;
import org.jvirt.rpc.remote.RemoteProtocol.TypedParamValue;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.Transports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration against jvirt's own daemon, whose drivers migrate nothing: the remote driver's answers are
 * python-libvirt's against the same daemon, and every migration step called on the wire directly (Prepare, Perform,
 * Finish, Begin3 … Confirm3, with fixed arguments and with parameters) answers as libvirtd 9.0 answers it, on a
 * read-write and a read-only connection: "not supported" naming the step's function, or the read-only refusal.
 */
class MigrationOnJvirtDaemonTest {
    @TempDir
    static Path home;
    private static ConnectFactory factory;
    private static InProcessDaemon daemon;

    @BeforeAll
    static void start() throws IOException {
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        daemon = InProcessDaemon.start(factory, home);
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private static Path socket(String name) {
        return home.resolve("run").resolve(name);
    }

    @Test
    void everyMigrationCallAnswersAsPythonLibvirtAgainstTheSameDaemon() throws Exception {
        String uri = "test+unix:///default?socket=" + socket(DaemonConfig.RW_SOCKET);
        String python = PythonLibvirt.run(uri, MigrationCases.pythonScript());
        assertThat(python.lines().count()).isEqualTo(MigrationCases.count());
        assertThat(MigrationCases.jvirt(factory, uri)).isEqualTo(python);
    }

    @Test
    void everyMigrationStepOnTheWireAnswersAsLibvirtd() throws Exception {
        String readWrite = steps(socket(DaemonConfig.RW_SOCKET), false);
        String readOnly = steps(socket(DaemonConfig.RO_SOCKET), true);
        // no driver migrates: each step is "not supported", naming its own function; read-only refused first
        assertThat(readWrite.lines()).allMatch(l -> l.matches(
                "DOMAIN_MIGRATE_\\w+\\|3\\|20\\|this function is not supported by the connection driver: virDomainMigrate\\w+"));
        assertThat(readOnly.lines()).allMatch(l -> l.matches(
                "DOMAIN_MIGRATE_\\w+\\|29\\|20\\|operation forbidden: read only access prevents virDomainMigrate\\w+"));
        try (LibvirtdPeer peer = LibvirtdPeer.start()) {
            assertThat(readWrite).isEqualTo(steps(peer.unixSocket(), false));
            assertThat(readOnly).isEqualTo(steps(peer.readOnlySocket(), true));
        }
    }

    private record Step(Procedure<?, ?> procedure, Function<NonnullDomain, Object> args) {
    }

    private static final byte[] COOKIE = {1, 2, 3};

    private static List<TypedParam> params() {
        return List.of(new TypedParam("migrate_uri", new TypedParamValue.StringValue("tcp://h")),
                new TypedParam("bandwidth", new TypedParamValue.UllongValue(5)));
    }

    private static final List<Step> STEPS = List.of(
            new Step(RemoteProtocol.DOMAIN_MIGRATE_PREPARE,
                    d -> new RemoteProtocol.DomainMigratePrepareArgs("tcp://h", 1, null, 0)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_PERFORM,
                    d -> new RemoteProtocol.DomainMigratePerformArgs(d, COOKIE, "tcp://h", 1, null, 0)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_FINISH,
                    d -> new RemoteProtocol.DomainMigrateFinishArgs("test", COOKIE, "tcp://h", 1)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_PREPARE2,
                    d -> new RemoteProtocol.DomainMigratePrepare2Args(null, 1, "test", 0, "<domain/>")),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_FINISH2,
                    d -> new RemoteProtocol.DomainMigrateFinish2Args("test", COOKIE, "tcp://h", 1, 0)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_BEGIN3,
                    d -> new RemoteProtocol.DomainMigrateBegin3Args(d, null, 1, null, 0)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_PREPARE3,
                    d -> new RemoteProtocol.DomainMigratePrepare3Args(COOKIE, null, 1, null, 0, "<domain/>")),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_PERFORM3,
                    d -> new RemoteProtocol.DomainMigratePerform3Args(d, null, COOKIE, null, "tcp://h", 1, null, 0)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_FINISH3,
                    d -> new RemoteProtocol.DomainMigrateFinish3Args("test", COOKIE, null, "tcp://h", 1, 0)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_CONFIRM3,
                    d -> new RemoteProtocol.DomainMigrateConfirm3Args(d, COOKIE, 1, 0)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_BEGIN3_PARAMS,
                    d -> new RemoteProtocol.DomainMigrateBegin3ParamsArgs(d, params(), 1)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_PREPARE3_PARAMS,
                    d -> new RemoteProtocol.DomainMigratePrepare3ParamsArgs(params(), COOKIE, 1)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_PERFORM3_PARAMS,
                    d -> new RemoteProtocol.DomainMigratePerform3ParamsArgs(d, "test+tcp://h/default", params(),
                            COOKIE, 3)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_FINISH3_PARAMS,
                    d -> new RemoteProtocol.DomainMigrateFinish3ParamsArgs(params(), COOKIE, 1, 0)),
            new Step(RemoteProtocol.DOMAIN_MIGRATE_CONFIRM3_PARAMS,
                    d -> new RemoteProtocol.DomainMigrateConfirm3ParamsArgs(d, params(), COOKIE, 1, 0)));

    /** Each step called on a fresh connection to {@code socket}: "STEP|code|domain|message", one a line. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String steps(Path socket, boolean readOnly) {
        List<String> out = new ArrayList<>();
        try (RpcClient c = RpcClient.open(socket.toString(), Transports.connectUnix(socket))) {
            c.call(RemoteProtocol.AUTH_LIST, null);
            c.call(RemoteProtocol.CONNECT_OPEN, new RemoteProtocol.ConnectOpenArgs("test:///default", readOnly ? 1 : 0));
            NonnullDomain dom = c.call(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME,
                    new RemoteProtocol.DomainLookupByNameArgs("test")).dom();
            for (Step s : STEPS) {
                try {
                    c.call((Procedure) s.procedure(), s.args().apply(dom));
                    out.add(s.procedure().name() + "|ok");
                } catch (VirtException e) {
                    out.add(s.procedure().name() + "|" + e.code().value() + "|" + e.domain().value() + "|"
                            + e.getMessage());
                }
            }
            c.call(RemoteProtocol.CONNECT_CLOSE, null);
        }
        assertThat(out).hasSize(STEPS.size());
        return String.join("\n", out);
    }
}
