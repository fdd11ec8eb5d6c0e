package org.jvirt.driver.remote.internal;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainMigrateFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteFeatures;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.DomainMigrateBegin3ParamsRet;
import org.jvirt.rpc.remote.RemoteProtocol.DomainMigrateBegin3Ret;
import org.jvirt.rpc.remote.RemoteProtocol.DomainMigrateFinish3ParamsRet;
import org.jvirt.rpc.remote.RemoteProtocol.DomainMigrateFinish3Ret;
import org.jvirt.rpc.remote.RemoteProtocol.DomainMigratePrepare2Ret;
import org.jvirt.rpc.remote.RemoteProtocol.DomainMigratePrepare3ParamsRet;
import org.jvirt.rpc.remote.RemoteProtocol.DomainMigratePrepare3Ret;
import org.jvirt.rpc.remote.RemoteProtocol.DomainMigratePrepareRet;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.jvirt.rpc.transport.RpcClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-driven migration between two remote connections, as libvirt's library drives it: the v3 dialogue
 * (Begin on the source, Prepare on the destination, Perform on the source, Finish on the destination, Confirm on the
 * source, each step's cookie handed to the next), with fixed arguments or with migration parameters, and the older
 * v2 and v1 sequences for servers that offer nothing newer. A failed step is answered as libvirt answers it: the
 * destination is told to cancel, the source to resume, and the first error is the one reported.
 */
final class MigrationDialogue {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationDialogue.class);
    /** An absent cookie: an empty opaque on the wire. */
    static final byte[] NO_COOKIE = new byte[0];
    /** Flags the destination is not told of (the source's business only). */
    private static final int SOURCE_ONLY = DomainMigrateFlag.ABORT_ON_ERROR.value()
            | DomainMigrateFlag.AUTO_CONVERGE.value();

    private final Migration migration;
    private final RpcClient src;
    private final RpcClient dst;
    private final RemoteSession destination;
    private final NonnullDomain dom;

    MigrationDialogue(Migration migration, MigrationSide dest) {
        this.migration = migration;
        this.src = migration.session().client();
        this.destination = dest.session();
        this.dst = destination == null ? null : destination.client();
        this.dom = migration.domain();
    }

    // ---- v3 with fixed arguments

    Domain version3(String xmlin, int flags, String dname, String uri, long bandwidth) {
        int protection = changeProtection();
        DomainMigrateBegin3Ret begun = src.call(RemoteProtocol.DOMAIN_MIGRATE_BEGIN3,
                new RemoteProtocol.DomainMigrateBegin3Args(dom, xmlin, wide(flags | protection), dname, bandwidth));
        if (paused(false)) {
            flags |= DomainMigrateFlag.PAUSED.value();
        }
        int destflags = flags & ~SOURCE_ONLY;
        Outcome o = new Outcome();
        byte[] cookie;
        String migrateUri = uri;
        try {
            DomainMigratePrepare3Ret prepared = dst.call(RemoteProtocol.DOMAIN_MIGRATE_PREPARE3,
                    new RemoteProtocol.DomainMigratePrepare3Args(cookie(begun.cookieOut()), uri, wide(destflags),
                            dname, bandwidth, begun.xml()));
            cookie = cookie(prepared.cookieOut());
            if (prepared.uriOut() != null) {
                migrateUri = prepared.uriOut();
            }
        } catch (VirtException e) {
            if (protection == 0) {
                throw e;
            }
            // Begin started a job on the source: Confirm ends it, cancelled
            o.error = e;
            confirm3(null, flags | protection, true, NO_COOKIE);
            throw e;
        }
        if (migrateUri == null) {
            // the destination is told to cancel, with the cookie it gave
            o.error = noUri("domainMigratePrepare3");
            o.cancelled = true;
        } else if (has(flags, DomainMigrateFlag.OFFLINE)) {
            LOG.debug("remote: offline migration of {}: no Perform step", dom.name());
            cookie = NO_COOKIE;
            o.cancelled = false;
        } else {
            try {
                cookie = cookie(src.call(RemoteProtocol.DOMAIN_MIGRATE_PERFORM3,
                        new RemoteProtocol.DomainMigratePerform3Args(dom, null, cookie, null, migrateUri,
                                wide(flags | protection), dname, bandwidth)).cookieOut());
                o.cancelled = false;
            } catch (VirtException e) {
                // the source failed and has already resumed: no Confirm for it
                o.error = e;
                o.notifySource = false;
                o.cancelled = true;
                cookie = NO_COOKIE;
            }
        }
        byte[] finishCookie = NO_COOKIE;
        try {
            DomainMigrateFinish3Ret finished = dst.call(RemoteProtocol.DOMAIN_MIGRATE_FINISH3,
                    new RemoteProtocol.DomainMigrateFinish3Args(dname != null ? dname : dom.name(), cookie, null,
                            migrateUri, wide(destflags), o.cancelled ? 1 : 0));
            o.finished(destination.objects().apiObject(finished.dom()));
            finishCookie = cookie(finished.cookieOut());
        } catch (VirtException e) {
            o.finishFailed(e);
        }
        if (o.notifySource) {
            confirm3(null, flags | protection, o.ddomain == null, finishCookie);
        }
        return o.result();
    }

    // ---- v3 with migration parameters

    Domain version3Params(TypedParameters params, int flags) {
        int protection = changeProtection();
        DomainMigrateBegin3ParamsRet begun = src.call(RemoteProtocol.DOMAIN_MIGRATE_BEGIN3_PARAMS,
                new RemoteProtocol.DomainMigrateBegin3ParamsArgs(dom, WireValues.typedParams(params),
                        flags | protection));
        if (paused(true)) {
            flags |= DomainMigrateFlag.PAUSED.value();
        }
        int destflags = flags & ~SOURCE_ONLY;
        params = replaced(params, TypedParamFields.MIGRATE_PARAM_DEST_XML, begun.xml());
        Outcome o = new Outcome();
        byte[] cookie;
        try {
            DomainMigratePrepare3ParamsRet prepared = dst.call(RemoteProtocol.DOMAIN_MIGRATE_PREPARE3_PARAMS,
                    new RemoteProtocol.DomainMigratePrepare3ParamsArgs(WireValues.typedParams(params),
                            cookie(begun.cookieOut()), destflags));
            cookie = cookie(prepared.cookieOut());
            if (prepared.uriOut() != null) {
                params = replaced(params, TypedParamFields.MIGRATE_PARAM_URI, prepared.uriOut());
            }
        } catch (VirtException e) {
            if (protection == 0) {
                throw e;
            }
            o.error = e;
            confirm3(params, flags | protection, true, NO_COOKIE);
            throw e;
        }
        if (!params.getString(TypedParamFields.MIGRATE_PARAM_URI).isPresent()) {
            o.error = noUri("domainMigratePrepare3");
            o.cancelled = true;
        } else if (has(flags, DomainMigrateFlag.OFFLINE)) {
            LOG.debug("remote: offline migration of {}: no Perform step", dom.name());
            cookie = NO_COOKIE;
            o.cancelled = false;
        } else {
            try {
                cookie = cookie(src.call(RemoteProtocol.DOMAIN_MIGRATE_PERFORM3_PARAMS,
                        new RemoteProtocol.DomainMigratePerform3ParamsArgs(dom, null, WireValues.typedParams(params),
                                cookie, flags | protection)).cookieOut());
                o.cancelled = false;
            } catch (VirtException e) {
                o.error = e;
                o.notifySource = false;
                o.cancelled = true;
                cookie = NO_COOKIE;
            }
        }
        if (!params.contains(TypedParamFields.MIGRATE_PARAM_DEST_NAME)) {
            params = replaced(params, TypedParamFields.MIGRATE_PARAM_DEST_NAME, dom.name());
        }
        byte[] finishCookie = NO_COOKIE;
        try {
            DomainMigrateFinish3ParamsRet finished = dst.call(RemoteProtocol.DOMAIN_MIGRATE_FINISH3_PARAMS,
                    new RemoteProtocol.DomainMigrateFinish3ParamsArgs(WireValues.typedParams(params), cookie,
                            destflags, o.cancelled ? 1 : 0));
            o.finished(destination.objects().apiObject(finished.dom()));
            finishCookie = cookie(finished.cookieOut());
        } catch (VirtException e) {
            o.finishFailed(e);
        }
        if (o.notifySource) {
            confirm3(params, flags | protection, o.ddomain == null, finishCookie);
        }
        return o.result();
    }

    /** The source's Confirm: kill the domain there when it runs on the destination, else resume it. */
    private void confirm3(TypedParameters params, int flags, boolean cancelled, byte[] cookie) {
        try {
            if (params == null) {
                src.call(RemoteProtocol.DOMAIN_MIGRATE_CONFIRM3,
                        new RemoteProtocol.DomainMigrateConfirm3Args(dom, cookie, wide(flags), cancelled ? 1 : 0));
            } else {
                src.call(RemoteProtocol.DOMAIN_MIGRATE_CONFIRM3_PARAMS,
                        new RemoteProtocol.DomainMigrateConfirm3ParamsArgs(dom, WireValues.typedParams(params),
                                cookie, flags, cancelled ? 1 : 0));
            }
        } catch (VirtException e) {
            // nothing more can be done: at worst the guest stays paused on the source
            LOG.warn("remote: Confirm of the migration of {} failed, it may be left paused on the source: {}",
                    dom.name(), e.getMessage());
        }
    }

    /** CHANGE_PROTECTION, added on the source's side when it can enforce it. */
    private int changeProtection() {
        return migration.source().supports(RemoteFeatures.MIGRATE_CHANGE_PROTECTION)
                ? DomainMigrateFlag.CHANGE_PROTECTION.value() : 0;
    }

    // ---- v2 and v1

    Domain version2(int flags, String dname, String uri, long bandwidth) {
        int xmlFlags = migration.source().supports(RemoteFeatures.XML_MIGRATABLE) ? DomainXMLFlag.MIGRATABLE.value()
                : DomainXMLFlag.SECURE.value() | DomainXMLFlag.UPDATE_CPU.value();
        String xml = src.call(RemoteProtocol.DOMAIN_GET_XML_DESC,
                new RemoteProtocol.DomainGetXmlDescArgs(dom, xmlFlags)).xml();
        if (paused(false)) {
            flags |= DomainMigrateFlag.PAUSED.value();
        }
        int destflags = flags & ~SOURCE_ONLY;
        DomainMigratePrepare2Ret prepared = dst.call(RemoteProtocol.DOMAIN_MIGRATE_PREPARE2,
                new RemoteProtocol.DomainMigratePrepare2Args(uri, wide(destflags), dname, bandwidth, xml));
        byte[] cookie = cookie(prepared.cookie());
        Outcome o = new Outcome();
        String migrateUri = prepared.uriOut() != null ? prepared.uriOut() : uri;
        if (migrateUri == null) {
            o.error = noUri("domainMigratePrepare2");
            o.cancelled = true;
        } else {
            try {
                src.call(RemoteProtocol.DOMAIN_MIGRATE_PERFORM, new RemoteProtocol.DomainMigratePerformArgs(dom,
                        cookie, migrateUri, wide(flags), dname, bandwidth));
                o.cancelled = false;
            } catch (VirtException e) {
                o.error = e;
                o.cancelled = true;
            }
        }
        // v2 tells the destination how the source fared, so that it can clean up
        try {
            o.finished(destination.objects().apiObject(dst.call(RemoteProtocol.DOMAIN_MIGRATE_FINISH2,
                    new RemoteProtocol.DomainMigrateFinish2Args(dname != null ? dname : dom.name(), cookie,
                            migrateUri, wide(destflags), o.cancelled ? 1 : 0)).ddom()));
        } catch (VirtException e) {
            o.finishFailed(e);
        }
        return o.result();
    }

    Domain version1(int flags, String dname, String uri, long bandwidth) {
        if (paused(false)) {
            flags |= DomainMigrateFlag.PAUSED.value();
        }
        int destflags = flags & ~SOURCE_ONLY;
        DomainMigratePrepareRet prepared = dst.call(RemoteProtocol.DOMAIN_MIGRATE_PREPARE,
                new RemoteProtocol.DomainMigratePrepareArgs(uri, wide(destflags), dname, bandwidth));
        byte[] cookie = cookie(prepared.cookie());
        String migrateUri = prepared.uriOut() != null ? prepared.uriOut() : uri;
        if (migrateUri == null) {
            throw noUri("domainMigratePrepare");
        }
        src.call(RemoteProtocol.DOMAIN_MIGRATE_PERFORM,
                new RemoteProtocol.DomainMigratePerformArgs(dom, cookie, migrateUri, wide(flags), dname, bandwidth));
        return (Domain) destination.objects().apiObject(dst.call(RemoteProtocol.DOMAIN_MIGRATE_FINISH,
                new RemoteProtocol.DomainMigrateFinishArgs(dname != null ? dname : dom.name(), cookie, migrateUri,
                        wide(destflags))).ddom());
    }

    // ---- shared

    /**
     * Whether the domain is paused on the source, so that it stays paused on the destination: asked by state with
     * parameters (a source that new has it), by info otherwise; a failure to ask changes nothing.
     */
    private boolean paused(boolean byState) {
        try {
            int state = byState
                    ? src.call(RemoteProtocol.DOMAIN_GET_STATE, new RemoteProtocol.DomainGetStateArgs(dom, 0)).state()
                    : src.call(RemoteProtocol.DOMAIN_GET_INFO, new RemoteProtocol.DomainGetInfoArgs(dom)).state();
            return state == DomainState.PAUSED.value();
        } catch (VirtException e) {
            LOG.debug("remote: state of {} before migration unknown: {}", dom.name(), e.getMessage());
            return false;
        }
    }

    /** {@code params} with {@code field} set to {@code value}: in its place when present, else added at the end. */
    static TypedParameters replaced(TypedParameters params, String field, String value) {
        TypedParameters.Builder b = TypedParameters.builder();
        boolean done = false;
        for (TypedParameter p : params) {
            if (p.field().equals(field) && !done) {
                b.addString(field, value);
                done = true;
            } else {
                b.add(p);
            }
        }
        if (!done) {
            b.addString(field, value);
        }
        return b.build();
    }

    private static byte[] cookie(byte[] c) {
        return c == null ? NO_COOKIE : c;
    }

    private static long wide(int flags) {
        return Integer.toUnsignedLong(flags);
    }

    private static boolean has(int flags, DomainMigrateFlag f) {
        return (flags & f.value()) != 0;
    }

    private static VirtException noUri(String step) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, step + " did not set uri");
    }

    /** How the dialogue went: the first error, whether it was cancelled, and the domain on the destination. */
    private final class Outcome {
        VirtException error;
        boolean cancelled = true;
        boolean notifySource = true;
        Domain ddomain;

        void finished(Object domain) {
            ddomain = (Domain) domain;
            if (cancelled) {
                LOG.error("remote: the destination finished the migration of {} although it was cancelled",
                        dom.name());
            }
        }

        /**
         * A Finish that failed: its error replaces the Perform's only where the Perform's was QEMU's generic
         * OPERATION_FAILED and the destination says more (libvirt's rule).
         */
        void finishFailed(VirtException e) {
            if (error == null) {
                error = e;
            } else if (cancelled && error.domain() == ErrorDomain.QEMU && error.code() == ErrorCode.OPERATION_FAILED
                    && e.domain() == ErrorDomain.QEMU && e.code() != ErrorCode.MIGRATE_FINISH_OK) {
                error = e;
            }
        }

        Domain result() {
            if (ddomain != null) {
                return ddomain;
            }
            throw error != null ? error : new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "migration of " + dom.name() + " left no domain on the destination");
        }
    }
}
