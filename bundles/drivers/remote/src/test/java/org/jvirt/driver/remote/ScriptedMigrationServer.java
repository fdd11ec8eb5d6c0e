package org.jvirt.driver.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.peer.LibvirtdPeer;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.jvirt.rpc.remote.RemoteProtocol.TypedParam;
import org.jvirt.rpc.remote.RemoteProtocol.TypedParamValue;
import org.jvirt.rpc.transport.RpcServer;
import org.jvirt.rpc.transport.ServerConfig;
import org.jvirt.rpc.transport.ServerProgram;
import org.jvirt.rpc.transport.Transports;

/**
 * A stand-in for a migration-capable libvirtd (libvirtd's QEMU driver cannot run here): an RPC server answering
 * the opening of a connection, a lookup, the domain's state, the features it is told to claim, and every step of
 * migration with fixed cookies, writing each step's arguments to a shared log so that a test sees the order and the
 * contents of the dialogue across two such servers. A step named in {@code failing} answers with an error.
 */
final class ScriptedMigrationServer implements AutoCloseable {
    static final byte[] UUID = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    static final String XML = "<domain type='qemu'><name>test</name></domain>";

    private final String role;
    private final List<String> log;
    private final Set<Integer> features;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final RpcServer server;
    private final int port;
    private volatile int state = 1;

    ScriptedMigrationServer(String role, List<String> log, Set<Integer> features) throws IOException {
        this.role = role;
        this.log = log;
        this.features = features;
        this.port = LibvirtdPeer.freePort();
        this.server = new RpcServer(ServerConfig.defaults()).addProgram(program());
        server.listen(Transports.listenTcp("127.0.0.1", port));
    }

    String uri() {
        return "test+tcp://127.0.0.1:" + port + "/default";
    }

    /** The next call of {@code step} (a procedure's name) fails, as a migration that goes wrong there. */
    void fail(String step) {
        failing.add(step);
    }

    void state(int domainState) {
        state = domainState;
    }

    private void record(String step, String details) {
        log.add(role + " " + step + (details.isEmpty() ? "" : " " + details));
        if (failing.remove(step)) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, step + " went wrong on " + role);
        }
    }

    static String text(byte[] cookie) {
        return cookie == null || cookie.length == 0 ? "-" : new String(cookie, StandardCharsets.UTF_8);
    }

    private byte[] cookie(String step) {
        return (role + "-" + step).getBytes(StandardCharsets.UTF_8);
    }

    static String params(List<TypedParam> params) {
        return params.stream().map(p -> p.field() + "=" + value(p.value())).collect(Collectors.joining(",", "[", "]"));
    }

    private static String value(TypedParamValue v) {
        if (v instanceof TypedParamValue.StringValue s) {
            return s.s().equals(XML) ? "XML" : s.s();
        }
        if (v instanceof TypedParamValue.UllongValue u) {
            return Long.toUnsignedString(u.ul());
        }
        return v.toString();
    }

    private ServerProgram program() {
        NonnullDomain dom = new NonnullDomain("test", UUID, 1);
        return new ServerProgram(RemoteProtocol.PROGRAM)
                .on(RemoteProtocol.AUTH_LIST, (c, a) -> new RemoteProtocol.AuthListRet(List.of(
                        RemoteProtocol.REMOTE_AUTH_NONE)))
                .on(RemoteProtocol.CONNECT_SUPPORTS_FEATURE, (c, a) -> {
                    // the opening's own questions (keepalive, callbacks) are not part of a migration
                    if (a.feature() != 10 && a.feature() < 14) {
                        log.add(role + " FEATURE " + a.feature());
                    }
                    return new RemoteProtocol.ConnectSupportsFeatureRet(features.contains(a.feature()) ? 1 : 0);
                })
                .on(RemoteProtocol.CONNECT_OPEN, (c, a) -> null)
                .on(RemoteProtocol.CONNECT_CLOSE, (c, a) -> null)
                .on(RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, (c, a) -> {
                    log.add(role + " LOOKUP " + a.name());
                    return new RemoteProtocol.DomainLookupByNameRet(new NonnullDomain(a.name(), UUID, 7));
                })
                .on(RemoteProtocol.DOMAIN_GET_INFO, (c, a) -> {
                    log.add(role + " GET_INFO");
                    return new RemoteProtocol.DomainGetInfoRet(state, 1024, 1024, 1, 0);
                })
                .on(RemoteProtocol.DOMAIN_GET_STATE, (c, a) -> {
                    log.add(role + " GET_STATE");
                    return new RemoteProtocol.DomainGetStateRet(state, 0);
                })
                .on(RemoteProtocol.DOMAIN_GET_XML_DESC, (c, a) -> {
                    record("GET_XML_DESC", "flags=" + a.flags());
                    return new RemoteProtocol.DomainGetXmlDescRet(XML);
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_BEGIN3, (c, a) -> {
                    record("BEGIN3", "xmlin=" + a.xmlin() + " flags=" + a.flags() + " dname=" + a.dname()
                            + " resource=" + a.resource());
                    return new RemoteProtocol.DomainMigrateBegin3Ret(cookie("begin"), XML);
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_PREPARE3, (c, a) -> {
                    record("PREPARE3", "cookie=" + text(a.cookieIn()) + " uri=" + a.uriIn() + " flags=" + a.flags()
                            + " dname=" + a.dname() + " resource=" + a.resource() + " xml="
                            + (a.domXml().equals(XML) ? "XML" : a.domXml()));
                    return new RemoteProtocol.DomainMigratePrepare3Ret(cookie("prepare"), "tcp://dest:49152");
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_PERFORM3, (c, a) -> {
                    record("PERFORM3", "xmlin=" + a.xmlin() + " cookie=" + text(a.cookieIn()) + " dconnuri="
                            + a.dconnuri() + " uri=" + a.uri() + " flags=" + a.flags() + " dname=" + a.dname()
                            + " resource=" + a.resource());
                    return new RemoteProtocol.DomainMigratePerform3Ret(cookie("perform"));
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_FINISH3, (c, a) -> {
                    record("FINISH3", "dname=" + a.dname() + " cookie=" + text(a.cookieIn()) + " dconnuri="
                            + a.dconnuri() + " uri=" + a.uri() + " flags=" + a.flags() + " cancelled="
                            + a.cancelled());
                    if (a.cancelled() != 0) {
                        // as libvirtd's QEMU driver: a cancelled migration leaves no domain here
                        throw new VirtException(ErrorCode.MIGRATE_FINISH_OK, ErrorDomain.QEMU, null);
                    }
                    return new RemoteProtocol.DomainMigrateFinish3Ret(new NonnullDomain(a.dname(), UUID, 7),
                            cookie("finish"));
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_CONFIRM3, (c, a) -> {
                    record("CONFIRM3", "cookie=" + text(a.cookieIn()) + " flags=" + a.flags() + " cancelled="
                            + a.cancelled());
                    return null;
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_BEGIN3_PARAMS, (c, a) -> {
                    record("BEGIN3_PARAMS", params(a.params()) + " flags=" + a.flags());
                    return new RemoteProtocol.DomainMigrateBegin3ParamsRet(cookie("begin"), XML);
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_PREPARE3_PARAMS, (c, a) -> {
                    record("PREPARE3_PARAMS", params(a.params()) + " cookie=" + text(a.cookieIn()) + " flags="
                            + a.flags());
                    return new RemoteProtocol.DomainMigratePrepare3ParamsRet(cookie("prepare"), "tcp://dest:49152");
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_PERFORM3_PARAMS, (c, a) -> {
                    record("PERFORM3_PARAMS", "dconnuri=" + a.dconnuri() + " " + params(a.params()) + " cookie="
                            + text(a.cookieIn()) + " flags=" + a.flags());
                    return new RemoteProtocol.DomainMigratePerform3ParamsRet(cookie("perform"));
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_FINISH3_PARAMS, (c, a) -> {
                    record("FINISH3_PARAMS", params(a.params()) + " cookie=" + text(a.cookieIn()) + " flags="
                            + a.flags() + " cancelled=" + a.cancelled());
                    if (a.cancelled() != 0) {
                        throw new VirtException(ErrorCode.MIGRATE_FINISH_OK, ErrorDomain.QEMU, null);
                    }
                    String name = a.params().stream().filter(p -> p.field().equals("destination_name"))
                            .map(p -> ((TypedParamValue.StringValue) p.value()).s()).findFirst().orElse("?");
                    return new RemoteProtocol.DomainMigrateFinish3ParamsRet(new NonnullDomain(name, UUID, 7),
                            cookie("finish"));
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_CONFIRM3_PARAMS, (c, a) -> {
                    record("CONFIRM3_PARAMS", params(a.params()) + " cookie=" + text(a.cookieIn()) + " flags="
                            + a.flags() + " cancelled=" + a.cancelled());
                    return null;
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_PREPARE2, (c, a) -> {
                    record("PREPARE2", "uri=" + a.uriIn() + " flags=" + a.flags() + " dname=" + a.dname()
                            + " xml=" + (a.domXml().equals(XML) ? "XML" : a.domXml()));
                    return new RemoteProtocol.DomainMigratePrepare2Ret(cookie("prepare"), "tcp://dest:49152");
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_PERFORM, (c, a) -> {
                    record("PERFORM", "cookie=" + text(a.cookie()) + " uri=" + a.uri() + " flags=" + a.flags()
                            + " dname=" + a.dname() + " resource=" + a.resource());
                    return null;
                })
                .on(RemoteProtocol.DOMAIN_MIGRATE_FINISH2, (c, a) -> {
                    record("FINISH2", "dname=" + a.dname() + " cookie=" + text(a.cookie()) + " uri=" + a.uri()
                            + " flags=" + a.flags() + " retcode=" + a.retcode());
                    return new RemoteProtocol.DomainMigrateFinish2Ret(new NonnullDomain(a.dname(), UUID, 7));
                });
    }

    @Override
    public void close() {
        server.close();
    }
}
