package org.jvirt.driver.remote.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainMigrateFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteFeatures;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;

/**
 * The six migration calls as libvirt's library makes them (virDomainMigrate, …2, …3, virDomainMigrateToURI, …2, …3)
 * when the source is a remote connection: the checks left after the platform's own (read-only, exclusive flags),
 * the feature probes of the source and the destination, and the choice of how to migrate. Peer-to-peer and direct
 * migrations are one PERFORM call to the source; the others are the dialogue {@link MigrationDialogue} drives
 * between the source and the destination. Errors are libvirt's, in its words and order.
 */
final class Migration {
    /** The parameters the fixed-argument protocols can carry (virDomainMigrate3's fall-back to v3, v2, v1). */
    private static final Set<String> PROTOCOL3_PARAMS = Set.of(TypedParamFields.MIGRATE_PARAM_URI,
            TypedParamFields.MIGRATE_PARAM_DEST_NAME, TypedParamFields.MIGRATE_PARAM_DEST_XML,
            TypedParamFields.MIGRATE_PARAM_BANDWIDTH);
    private static final Set<String> PROTOCOL2_PARAMS = Set.of(TypedParamFields.MIGRATE_PARAM_DEST_NAME,
            TypedParamFields.MIGRATE_PARAM_BANDWIDTH, TypedParamFields.MIGRATE_PARAM_URI);

    private final RemoteSession session;
    private final RemoteHandle handle;
    private final MigrationSide source;

    private Migration(RemoteSession session, RemoteHandle handle) {
        this.session = session;
        this.handle = handle;
        this.source = new MigrationSide(session.connect(), session);
    }

    /** The hand-written call for a migration method ({@code name/arity}), or null. */
    static SpecialCalls.Call of(String method) {
        return switch (method) {
            case "migrate/5" -> (s, h, p, a) -> new Migration(s, h).migrate((Connect) a[0], null, bits(a[1]),
                    (String) a[2], (String) a[3], (Long) a[4], false);
            case "migrate2/6" -> (s, h, p, a) -> new Migration(s, h).migrate((Connect) a[0], (String) a[1],
                    bits(a[2]), (String) a[3], (String) a[4], (Long) a[5], true);
            case "migrate3/3" -> (s, h, p, a) -> new Migration(s, h).migrate3((Connect) a[0], params(a[1]),
                    bits(a[2]));
            case "migrateToURI/4" -> (s, h, p, a) -> {
                new Migration(s, h).toUri((String) a[0], bits(a[1]), (String) a[2], (Long) a[3]);
                return null;
            };
            case "migrateToURI2/6" -> (s, h, p, a) -> {
                new Migration(s, h).toUri2((String) a[0], (String) a[1], (String) a[2], bits(a[3]),
                        (String) a[4], (Long) a[5]);
                return null;
            };
            case "migrateToURI3/3" -> (s, h, p, a) -> {
                new Migration(s, h).toUri3((String) a[0], params(a[1]), bits(a[2]));
                return null;
            };
            default -> null;
        };
    }

    private static int bits(Object flags) {
        @SuppressWarnings("unchecked")
        Set<DomainMigrateFlag> f = (Set<DomainMigrateFlag>) flags;
        return f == null ? 0 : VirFlag.toBits(f);
    }

    private static TypedParameters params(Object params) {
        return params == null ? TypedParameters.empty() : (TypedParameters) params;
    }

    private static boolean has(int flags, DomainMigrateFlag f) {
        return (flags & f.value()) != 0;
    }

    NonnullDomain domain() {
        return (NonnullDomain) handle.identity();
    }

    // ---- virDomainMigrate, virDomainMigrate2

    private Domain migrate(Connect dconn, String dxml, int flags, String dname, String uri, long bandwidth,
            boolean second) {
        MigrationSide dest = MigrationSide.of(dconn);
        checkOffline(flags, dest);
        if (has(flags, DomainMigrateFlag.PEER2PEER)) {
            if (!source.supports(RemoteFeatures.MIGRATION_P2P)) {
                throw VirtException.noSupport();
            }
            // virDomainMigrate takes uri as the destination's libvirt URI; virDomainMigrate2 as the migration URI
            String dstUri = second || uri == null ? dconn.getURI() : null;
            if (second) {
                unmanaged(dxml, flags, dname, dstUri, uri, bandwidth);
            } else {
                unmanaged(null, flags, dname, uri != null ? uri : dstUri, null, bandwidth);
            }
            return dconn.domainLookupByName(dname != null ? dname : domain().name());
        }
        flags = withoutChangeProtection(flags);
        if (has(flags, DomainMigrateFlag.TUNNELLED)) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "cannot perform tunnelled migration without using peer2peer flag");
        }
        return byProtocol(dest, dxml, flags, dname, uri, bandwidth);
    }

    // ---- virDomainMigrate3

    private Domain migrate3(Connect dconn, TypedParameters params, int flags) {
        MigrationSide dest = MigrationSide.of(dconn);
        checkOffline(flags, dest);
        flags = withoutChangeProtection(flags);
        if (source.supports(RemoteFeatures.MIGRATION_PARAMS) && dest.supports(RemoteFeatures.MIGRATION_PARAMS)) {
            return new MigrationDialogue(this, dest).version3Params(params, flags);
        }
        if (!only(params, PROTOCOL3_PARAMS)) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "Migration APIs with extensible parameters are not supported but extended parameters were passed");
        }
        return byProtocol(dest, string(params, TypedParamFields.MIGRATE_PARAM_DEST_XML), flags,
                string(params, TypedParamFields.MIGRATE_PARAM_DEST_NAME),
                string(params, TypedParamFields.MIGRATE_PARAM_URI),
                params.getULLong(TypedParamFields.MIGRATE_PARAM_BANDWIDTH).orElse(0));
    }

    /** Offline migration needs both ends to say they can (virDomainMigrate*'s first check). */
    private void checkOffline(int flags, MigrationSide dest) {
        if (!has(flags, DomainMigrateFlag.OFFLINE)) {
            return;
        }
        if (!source.supports(RemoteFeatures.MIGRATION_OFFLINE)) {
            throw unsupported("offline migration is not supported by the source host");
        }
        if (!dest.supports(RemoteFeatures.MIGRATION_OFFLINE)) {
            throw unsupported("offline migration is not supported by the destination host");
        }
    }

    /** Change protection is the source's business, re-added by the v3 dialogue: dropped for the destination. */
    private int withoutChangeProtection(int flags) {
        if (has(flags, DomainMigrateFlag.CHANGE_PROTECTION)
                && !source.supports(RemoteFeatures.MIGRATE_CHANGE_PROTECTION)) {
            throw unsupported("cannot enforce change protection");
        }
        return flags & ~DomainMigrateFlag.CHANGE_PROTECTION.value();
    }

    /** The newest protocol both ends speak: v3, v2 (no new XML), v1 (no new XML), else not supported. */
    private Domain byProtocol(MigrationSide dest, String dxml, int flags, String dname, String uri, long bandwidth) {
        MigrationDialogue dialogue = new MigrationDialogue(this, dest);
        if (source.supports(RemoteFeatures.MIGRATION_V3) && dest.supports(RemoteFeatures.MIGRATION_V3)) {
            return dialogue.version3(dxml, flags, dname, uri, bandwidth);
        }
        if (source.supports(RemoteFeatures.MIGRATION_V2) && dest.supports(RemoteFeatures.MIGRATION_V2)) {
            refuseXml(dxml);
            return dialogue.version2(flags, dname, uri, bandwidth);
        }
        if (source.supports(RemoteFeatures.MIGRATION_V1) && dest.supports(RemoteFeatures.MIGRATION_V1)) {
            refuseXml(dxml);
            return dialogue.version1(flags, dname, uri, bandwidth);
        }
        throw VirtException.noSupport();
    }

    private static void refuseXml(String dxml) {
        if (dxml != null) {
            throw unsupported("Unable to change target guest XML during migration");
        }
    }

    // ---- virDomainMigrateToURI, …2, …3: the source alone migrates (peer-to-peer or direct)

    private void toUri(String duri, int flags, String dname, long bandwidth) {
        checkUnmanaged(flags);
        boolean p2p = has(flags, DomainMigrateFlag.PEER2PEER);
        unmanaged(null, flags, dname, p2p ? duri : null, p2p ? null : duri, bandwidth);
    }

    private void toUri2(String dconnuri, String miguri, String dxml, int flags, String dname, long bandwidth) {
        checkUnmanaged(flags);
        unmanaged(dxml, flags, dname, destinationUri(dconnuri, flags, "virDomainMigrateToURI2"), miguri, bandwidth);
    }

    private void toUri3(String dconnuri, TypedParameters params, int flags) {
        checkUnmanaged(flags);
        unmanagedParams(destinationUri(dconnuri, flags, "virDomainMigrateToURI3"), params, flags);
    }

    /** The destination's libvirt URI matters only peer-to-peer, where it is required. */
    private static String destinationUri(String dconnuri, int flags, String function) {
        if (!has(flags, DomainMigrateFlag.PEER2PEER)) {
            return null;
        }
        if (dconnuri == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "dconnuri in " + function + " must not be NULL");
        }
        return dconnuri;
    }

    /** What the source must support to migrate alone (virDomainMigrateUnmanagedCheckCompat). */
    private void checkUnmanaged(int flags) {
        if (has(flags, DomainMigrateFlag.OFFLINE) && !source.supports(RemoteFeatures.MIGRATION_OFFLINE)) {
            throw unsupported("offline migration is not supported by the source host");
        }
        if (has(flags, DomainMigrateFlag.PEER2PEER)) {
            if (!source.supports(RemoteFeatures.MIGRATION_P2P)) {
                throw unsupported("p2p migration is not supported by the source host");
            }
        } else if (!source.supports(RemoteFeatures.MIGRATION_DIRECT)) {
            throw unsupported("direct migration is not supported by the source host");
        }
    }

    /** The fixed arguments as migration parameters, then the source migrates alone. */
    private void unmanaged(String xmlin, int flags, String dname, String dconnuri, String miguri, long bandwidth) {
        TypedParameters.Builder b = TypedParameters.builder();
        if (miguri != null) {
            b.addString(TypedParamFields.MIGRATE_PARAM_URI, miguri);
        }
        if (dname != null) {
            b.addString(TypedParamFields.MIGRATE_PARAM_DEST_NAME, dname);
        }
        if (xmlin != null) {
            b.addString(TypedParamFields.MIGRATE_PARAM_DEST_XML, xmlin);
        }
        b.addULLong(TypedParamFields.MIGRATE_PARAM_BANDWIDTH, bandwidth);
        unmanagedParams(dconnuri, b.build(), flags);
    }

    /** One PERFORM call to the source, in the newest form it speaks (virDomainMigrateUnmanagedParams). */
    private void unmanagedParams(String dconnuri, TypedParameters params, int flags) {
        boolean p2p = has(flags, DomainMigrateFlag.PEER2PEER);
        if (p2p) {
            checkNotLocal(dconnuri);
        }
        if (p2p && source.supports(RemoteFeatures.MIGRATION_PARAMS)) {
            session.client().call(RemoteProtocol.DOMAIN_MIGRATE_PERFORM3_PARAMS,
                    new RemoteProtocol.DomainMigratePerform3ParamsArgs(domain(), dconnuri,
                            WireValues.typedParams(params), MigrationDialogue.NO_COOKIE, flags));
            return;
        }
        String miguri = string(params, TypedParamFields.MIGRATE_PARAM_URI);
        String dname = string(params, TypedParamFields.MIGRATE_PARAM_DEST_NAME);
        long bandwidth = params.getULLong(TypedParamFields.MIGRATE_PARAM_BANDWIDTH).orElse(0);
        if (source.supports(RemoteFeatures.MIGRATION_V3)) {
            if (!only(params, PROTOCOL3_PARAMS)) {
                throw unsupported("Some parameters are not supported by migration protocol 3");
            }
            session.client().call(RemoteProtocol.DOMAIN_MIGRATE_PERFORM3,
                    new RemoteProtocol.DomainMigratePerform3Args(domain(),
                            string(params, TypedParamFields.MIGRATE_PARAM_DEST_XML), MigrationDialogue.NO_COOKIE,
                            dconnuri, miguri, Integer.toUnsignedLong(flags), dname, bandwidth));
            return;
        }
        if (!only(params, PROTOCOL2_PARAMS)) {
            throw unsupported("Some parameters are not supported by migration protocol 2");
        }
        String uri = miguri;
        if (p2p) {
            if (miguri != null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "Unable to override peer2peer migration URI");
            }
            uri = dconnuri;
        }
        session.client().call(RemoteProtocol.DOMAIN_MIGRATE_PERFORM,
                new RemoteProtocol.DomainMigratePerformArgs(domain(), MigrationDialogue.NO_COOKIE, uri,
                        Integer.toUnsignedLong(flags), dname, bandwidth));
    }

    /**
     * Peer-to-peer migration to this very host is refused: a URI without a server, or one whose server starts with
     * "localhost", unless it names a unix socket explicitly ({@code +unix} with {@code socket=}), as libvirt 9.0
     * allows.
     */
    static void checkNotLocal(String dconnuri) {
        URI u;
        try {
            u = new URI(dconnuri);
        } catch (URISyntaxException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.URI, "Unable to parse URI " + dconnuri);
        }
        String server = u.getHost() != null ? u.getHost() : serverOf(u.getRawAuthority());
        if (server != null && server.startsWith("localhost") || server == null && !namesUnixSocket(u)) {
            throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Attempt to migrate guest to the same host");
        }
    }

    /** The host of an authority Java's URI did not take as a server ("user@host:port", or a name with '_'). */
    private static String serverOf(String authority) {
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        String a = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = a.lastIndexOf(':');
        return colon > 0 && a.indexOf(']') < colon ? a.substring(0, colon) : a;
    }

    private static boolean namesUnixSocket(URI u) {
        String scheme = u.getScheme();
        if (scheme == null || !scheme.toLowerCase(Locale.ROOT).endsWith("+unix") || u.getRawQuery() == null) {
            return false;
        }
        for (String pair : u.getRawQuery().split("[&;]")) {
            if (pair.equals("socket") || pair.startsWith("socket=")) {
                return true;
            }
        }
        return false;
    }

    /** Whether every parameter is one of {@code allowed} (virTypedParamsCheck). */
    private static boolean only(TypedParameters params, Set<String> allowed) {
        for (TypedParameter p : params) {
            if (!allowed.contains(p.field())) {
                return false;
            }
        }
        return true;
    }

    static String string(TypedParameters params, String field) {
        return params.getString(field).orElse(null);
    }

    private static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.DOMAIN, message);
    }

    RemoteSession session() {
        return session;
    }

    MigrationSide source() {
        return source;
    }
}
