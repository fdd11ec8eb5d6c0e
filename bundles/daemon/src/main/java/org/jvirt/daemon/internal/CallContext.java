package org.jvirt.daemon.internal;

import java.util.Set;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Interface;
import org.jvirt.api.NWFilter;
import org.jvirt.api.NWFilterBinding;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.Secret;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomainCheckpoint;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomainSnapshot;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullInterface;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNetwork;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNetworkPort;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNodeDevice;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNwfilter;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNwfilterBinding;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullSecret;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullStoragePool;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullStorageVol;
import org.jvirt.rpc.transport.ServerCall;

/**
 * One call being answered: its client's session, the call, the procedure's facts, and what every entry of the
 * dispatch table needs: the client's connection, the API objects the wire's handles name (libvirt's
 * get_nonnull_*), and the flag sets its numbers stand for.
 */
final class CallContext {
    private final ClientSession session;
    private final ServerCall call;
    private final ProcedureTable.Facts facts;
    private java.util.UUID touched;

    CallContext(ClientSession session, ServerCall call, ProcedureTable.Facts facts) {
        this.session = session;
        this.call = call;
        this.facts = facts;
    }

    ClientSession session() {
        return session;
    }

    ServerCall call() {
        return call;
    }

    ProcedureTable.Facts facts() {
        return facts;
    }

    Connect conn() {
        return session.conn();
    }

    // ---- flags

    /** The flags of {@code type} in {@code bits}; a bit the type does not name fails as a driver's check does. */
    <E extends Enum<E> & VirFlag> Set<E> flags(Class<E> type, int bits) {
        int unknown = VirFlag.unknownBits(type, bits);
        if (unknown != 0) {
            throw unsupportedFlags(unknown);
        }
        return VirFlag.fromBits(type, bits);
    }

    /** Checks that no flag is given where the API takes none. */
    void noFlags(int bits) {
        if (bits != 0) {
            throw unsupportedFlags(bits);
        }
    }

    /** As {@link #flags}, for a typed-parameter getter: VIR_TYPED_PARAM_STRING_OKAY is the daemon's, not the API's. */
    <E extends Enum<E> & VirFlag> Set<E> paramFlags(Class<E> type, int bits) {
        return flags(type, bits & ~Wire.STRING_OKAY);
    }

    /** As {@link #noFlags}, for a typed-parameter getter. */
    void noParamFlags(int bits) {
        noFlags(bits & ~Wire.STRING_OKAY);
    }

    private VirtException unsupportedFlags(int bits) {
        String function = facts == null ? "" : facts.function();
        String inDriver = session.driverPrefix().isEmpty() || !function.startsWith("vir") ? function
                : session.driverPrefix() + function.substring(3);
        // virCheckFlags' words, without the "invalid argument: " prefix the code's own text would add
        return VirtException.withMessage(ErrorCode.INVALID_ARG, session.driverDomain(),
                "unsupported flags (0x" + Integer.toHexString(bits) + ") in function " + inDriver);
    }

    // ---- the objects a call names (by UUID, or name where libvirt's handles have no UUID)

    Domain dom(NonnullDomain d) {
        java.util.UUID uuid = Wire.uuid(d.uuid());
        touched = uuid;
        Domain known = session.knownDomain(uuid, d.name());
        if (known != null) {
            return known;
        }
        Domain found = Handles.domain(conn(), d);
        session.rememberDomain(uuid, d.name(), found);
        return found;
    }

    /**
     * The wire handle of a domain this call found or made; the client is likely to name it next (virsh looks a domain
     * up, then acts on it; a define is followed by a start or an undefine), so its next call needs no lookup.
     */
    NonnullDomain handle(Domain d) {
        java.util.UUID uuid = d.getUUID();
        String name = d.getName();
        touched = uuid;
        session.rememberDomain(uuid, name, d);
        return new NonnullDomain(name, Wire.bytes(uuid), d.getID());
    }

    /** The domain the call named last, or {@code null}. */
    java.util.UUID touchedDomain() {
        return touched;
    }

    Network net(NonnullNetwork n) {
        return Handles.network(conn(), n);
    }

    NetworkPort port(NonnullNetworkPort p) {
        return Handles.port(conn(), p);
    }

    StoragePool pool(NonnullStoragePool p) {
        return Handles.pool(conn(), p);
    }

    StorageVol vol(NonnullStorageVol v) {
        return Handles.vol(conn(), v);
    }

    NodeDevice dev(NonnullNodeDevice d) {
        return conn().nodeDeviceLookupByName(d.name());
    }

    NodeDevice dev(String name) {
        return conn().nodeDeviceLookupByName(name);
    }

    Interface iface(NonnullInterface i) {
        return conn().interfaceLookupByName(i.name());
    }

    Secret secret(NonnullSecret s) {
        return conn().secretLookupByUUID(Wire.uuid(s.uuid()));
    }

    NWFilter nwfilter(NonnullNwfilter f) {
        return conn().nwfilterLookupByUUID(Wire.uuid(f.uuid()));
    }

    NWFilterBinding binding(NonnullNwfilterBinding b) {
        return conn().nwfilterBindingLookupByPortDev(b.portdev());
    }

    DomainSnapshot snapshot(NonnullDomainSnapshot s) {
        return dom(s.dom()).snapshotLookupByName(s.name());
    }

    DomainCheckpoint checkpoint(NonnullDomainCheckpoint c) {
        return dom(c.dom()).checkpointLookupByName(c.name());
    }
}
