package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jvirt.api.BaselineCPUFlag;
import org.jvirt.api.CompareCPUFlag;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeAllocPagesFlag;
import org.jvirt.api.NodeCPUMap;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.NodeSuspendTarget;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteFeatures;

/** The connection and the host: open and close, authentication, features, versions, node information, CPUs. */
final class ConnectCalls {
    private ConnectCalls() {
    }

    static void register(DispatchTable t, DaemonContext context) {
        t.on(CONNECT_OPEN, (c, a) -> open(c, a, context));
        t.on(CONNECT_CLOSE, (c, a) -> {
            c.call().closeAfterReply();
            return null;
        });
        t.on(AUTH_LIST, (c, a) -> new AuthListRet(List.of(c.session().service().auth() == Service.Auth.SASL
                && !c.session().authenticated() ? REMOTE_AUTH_SASL : REMOTE_AUTH_NONE)));
        t.on(AUTH_SASL_INIT, (c, a) -> SaslCalls.init(c, context));
        t.on(AUTH_SASL_START, (c, a) -> SaslCalls.start(c, a, context));
        t.on(AUTH_SASL_STEP, (c, a) -> SaslCalls.step(c, a, context));
        t.on(AUTH_POLKIT, (c, a) -> {
            // polkit is not a jvirt service; libvirtd answers a client that asks anyway with this
            throw VirtException.withMessage(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "Library function returned error but did not set virError");
        });
        t.on(CONNECT_SUPPORTS_FEATURE, (c, a) -> new ConnectSupportsFeatureRet(feature(c, a.feature())));
        t.on(CONNECT_SET_IDENTITY, (c, a) -> {
            c.noFlags(a.flags());
            c.conn().setIdentity(Wire.params(a.params()));
            return null;
        });

        t.on(CONNECT_GET_TYPE, (c, a) -> new ConnectGetTypeRet(c.conn().getType()));
        t.on(CONNECT_GET_VERSION, (c, a) -> new ConnectGetVersionRet(c.conn().getVersion()));
        t.on(CONNECT_GET_LIB_VERSION, (c, a) -> new ConnectGetLibVersionRet(c.conn().getLibVersion()));
        t.on(CONNECT_GET_HOSTNAME, (c, a) -> new ConnectGetHostnameRet(c.conn().getHostname()));
        t.on(CONNECT_GET_URI, (c, a) -> new ConnectGetUriRet(c.conn().getURI()));
        t.on(CONNECT_GET_SYSINFO, (c, a) -> {
            c.noFlags(a.flags());
            return new ConnectGetSysinfoRet(c.conn().getSysinfo());
        });
        t.on(CONNECT_GET_MAX_VCPUS, (c, a) -> new ConnectGetMaxVcpusRet(c.conn().getMaxVcpus(a.type())));
        t.on(CONNECT_GET_CAPABILITIES, (c, a) -> new ConnectGetCapabilitiesRet(c.conn().getCapabilities()));
        t.on(CONNECT_GET_DOMAIN_CAPABILITIES, (c, a) -> {
            c.noFlags(a.flags());
            return new ConnectGetDomainCapabilitiesRet(c.conn().getDomainCapabilities(a.emulatorbin(), a.arch(),
                    a.machine(), a.virttype()));
        });
        t.on(CONNECT_IS_SECURE, (c, a) -> new ConnectIsSecureRet(c.conn().isSecure() ? 1 : 0));

        t.on(NODE_GET_INFO, (c, a) -> nodeInfo(c.conn().nodeInfo()));
        t.on(NODE_GET_SECURITY_MODEL, (c, a) -> {
            SecurityModel m = c.conn().getSecurityModel();
            return new NodeGetSecurityModelRet(cString(m.model()), cString(m.doi()));
        });
        t.on(NODE_GET_FREE_MEMORY, (c, a) -> new NodeGetFreeMemoryRet(c.conn().nodeGetFreeMemory()));
        t.on(NODE_GET_CELLS_FREE_MEMORY, (c, a) -> {
            if (a.maxcells() > REMOTE_NODE_MAX_CELLS) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                        "maxCells > REMOTE_NODE_MAX_CELLS");
            }
            return new NodeGetCellsFreeMemoryRet(c.conn().nodeGetCellsFreeMemory(a.startCell(), a.maxcells()));
        });
        t.on(NODE_GET_CPU_STATS, (c, a) -> {
            c.noFlags(a.flags());
            Wire.checkNparams(a.nparams(), REMOTE_NODE_CPU_STATS_MAX);
            TypedParameters p = c.conn().nodeGetCPUStats(a.cpuNum());
            if (a.nparams() == 0) {
                return new NodeGetCpuStatsRet(List.of(), p.size());
            }
            return new NodeGetCpuStatsRet(Wire.map(limit(p, a.nparams()),
                    x -> new NodeGetCpuStats(x.field(), x.longValue())), 0);
        });
        t.on(NODE_GET_MEMORY_STATS, (c, a) -> {
            c.noFlags(a.flags());
            Wire.checkNparams(a.nparams(), REMOTE_NODE_MEMORY_STATS_MAX);
            TypedParameters p = c.conn().nodeGetMemoryStats(a.cellNum());
            if (a.nparams() == 0) {
                return new NodeGetMemoryStatsRet(List.of(), p.size());
            }
            return new NodeGetMemoryStatsRet(Wire.map(limit(p, a.nparams()),
                    x -> new NodeGetMemoryStats(x.field(), x.longValue())), 0);
        });
        t.on(NODE_GET_MEMORY_PARAMETERS, (c, a) -> {
            c.noParamFlags(a.flags());
            Wire.checkNparams(a.nparams(), REMOTE_NODE_MEMORY_PARAMETERS_MAX);
            TypedParameters p = c.conn().nodeGetMemoryParameters();
            if (a.nparams() == 0) {
                return new NodeGetMemoryParametersRet(List.of(), p.size());
            }
            return new NodeGetMemoryParametersRet(Wire.params(p, strings(a.flags())), 0);
        });
        t.on(NODE_SET_MEMORY_PARAMETERS, (c, a) -> {
            c.noFlags(a.flags());
            c.conn().nodeSetMemoryParameters(Wire.params(a.params()));
            return null;
        });
        t.on(NODE_GET_SEV_INFO, (c, a) -> {
            c.noParamFlags(a.flags());
            TypedParameters p = c.conn().nodeGetSEVInfo();
            return new NodeGetSevInfoRet(Wire.params(p, strings(a.flags())), p.size());
        });
        t.on(NODE_SUSPEND_FOR_DURATION, (c, a) -> {
            c.noFlags(a.flags());
            c.conn().nodeSuspendForDuration(Enums.of(NodeSuspendTarget.class, a.target(), "target"), a.duration());
            return null;
        });
        t.on(NODE_GET_CPU_MAP, (c, a) -> {
            c.noFlags(a.flags());
            NodeCPUMap m = c.conn().nodeGetCPUMap();
            byte[] map = a.needMap() != 0 ? Wire.cpumap(m.online(), (m.cpus() + 7) / 8) : new byte[0];
            return new NodeGetCpuMapRet(map, a.needOnline() != 0 ? m.online().cardinality() : 0, m.cpus());
        });
        t.on(NODE_GET_FREE_PAGES, (c, a) -> {
            c.noFlags(a.flags());
            return new NodeGetFreePagesRet(c.conn().nodeGetFreePages(a.pages(), a.startCell(), a.cellCount()));
        });
        t.on(NODE_ALLOC_PAGES, (c, a) -> new NodeAllocPagesRet(c.conn().nodeAllocPages(a.pageSizes(),
                a.pageCounts(), a.startCell(), a.cellCount(), c.flags(NodeAllocPagesFlag.class, a.flags()))));

        t.on(CONNECT_COMPARE_CPU, (c, a) -> new ConnectCompareCpuRet(c.conn().compareCPU(a.xml(),
                c.flags(CompareCPUFlag.class, a.flags())).value()));
        t.on(CONNECT_COMPARE_HYPERVISOR_CPU, (c, a) -> new ConnectCompareHypervisorCpuRet(c.conn()
                .compareHypervisorCPU(a.emulator(), a.arch(), a.machine(), a.virttype(), a.xmlCPU(),
                        c.flags(CompareCPUFlag.class, a.flags())).value()));
        t.on(CONNECT_BASELINE_CPU, (c, a) -> new ConnectBaselineCpuRet(c.conn().baselineCPU(a.xmlCPUs(),
                c.flags(BaselineCPUFlag.class, a.flags()))));
        t.on(CONNECT_BASELINE_HYPERVISOR_CPU, (c, a) -> new ConnectBaselineHypervisorCpuRet(c.conn()
                .baselineHypervisorCPU(a.emulator(), a.arch(), a.machine(), a.virttype(), a.xmlCPUs(),
                        c.flags(BaselineCPUFlag.class, a.flags()))));
        t.on(CONNECT_GET_CPU_MODEL_NAMES, (c, a) -> {
            c.noFlags(a.flags());
            List<String> models = c.conn().getCPUModelNames(a.arch());
            List<String> sent = a.needResults() != 0 ? models : List.of();
            if (sent.size() > REMOTE_CONNECT_CPU_MODELS_MAX) {
                sent = sent.subList(0, REMOTE_CONNECT_CPU_MODELS_MAX);
            }
            return new ConnectGetCpuModelNamesRet(sent, models.size());
        });
    }

    /** CONNECT_OPEN: the client's connection to the API, read-only on a read-only socket whatever it asked. */
    private static Void open(CallContext c, ConnectOpenArgs a, DaemonContext context) {
        ClientSession s = c.session();
        if (s.isOpen()) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "connection already open");
        }
        Set<ConnectFlag> flags = EnumSet.noneOf(ConnectFlag.class);
        flags.addAll(ConnectFlag.fromBits(a.flags()));
        if (s.service().readOnly()) {
            flags.add(ConnectFlag.RO);
        }
        // an empty URI means the default one, as virtproxyd probes for it
        String uri = a.name() == null || a.name().isEmpty() ? null : a.name();
        Connect conn = context.factory().open(uri, flags, null);
        s.opened(conn, flags.contains(ConnectFlag.RO));
        return null;
    }

    /** libvirtd's answers; keepalive is started by the question itself, before the connection opens. */
    private static int feature(CallContext c, int feature) {
        if (feature == RemoteFeatures.PROGRAM_KEEPALIVE) {
            c.session().client().startKeepalive();
            return 1;
        }
        c.session().conn();
        return switch (feature) {
            case RemoteFeatures.REMOTE_EVENT_CALLBACK, RemoteFeatures.REMOTE_CLOSE_CALLBACK,
                    RemoteFeatures.TYPED_PARAM_STRING, NETWORK_UPDATE_HAS_CORRECT_ORDER -> 1;
            // as libvirtd, whatever the client's transport (a TCP client's files then fail on its own side), as
            // long as this JVM can take files in at all
            case RemoteFeatures.FD_PASSING -> {
                if (!org.jvirt.rpc.transport.FilePassing.available()) {
                    yield 0;
                }
                // the client sends files only after this answer: its reads stop short of them from now on
                c.call().client().expectFiles();
                yield 1;
            }
            // jvirt migrates nothing yet
            default -> 0;
        };
    }

    /** VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER. */
    private static final int NETWORK_UPDATE_HAS_CORRECT_ORDER = 16;

    private static NodeGetInfoRet nodeInfo(NodeInfo n) {
        byte[] model = Arrays.copyOf(n.model().getBytes(StandardCharsets.UTF_8), 32);
        model[31] = 0;
        return new NodeGetInfoRet(model, n.memoryKiB(), n.cpus(), n.mhz(), n.nodes(), n.sockets(), n.cores(),
                n.threads());
    }

    /** A C string as libvirtd sends a char array: its bytes and the terminating NUL. */
    static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(b, b.length + 1);
    }

    static boolean strings(int flags) {
        return (flags & Wire.STRING_OKAY) != 0;
    }

    private static List<TypedParameter> limit(TypedParameters p, int n) {
        List<TypedParameter> all = p.asList();
        return all.size() <= n ? all : all.subList(0, n);
    }
}
