package org.jvirt.driver.test;

import java.util.Set;

import org.jvirt.api.DomainAffect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;

/**
 * Which definition of a domain a call with LIVE/CONFIG flags works on (libvirt's virDomainObjGetOneDefState and
 * virDomainObjGetDefs): CURRENT means the live one of a running domain, else the persistent one.
 */
final class DefAccess {
    static final int LIVE = DomainAffect.LIVE.value();
    static final int CONFIG = DomainAffect.CONFIG.value();

    /** The definitions a call affects: {@code live} and/or {@code config}, null when not affected. */
    record Defs(DomainDef live, DomainDef config) {
    }

    private DefAccess() {
    }

    static int bits(Set<? extends VirFlag> flags) {
        return VirFlag.toBits(flags);
    }

    /** Resolves CURRENT and checks the domain can be changed so (virDomainObjUpdateModificationImpact). */
    static int impact(TestDomainObj o, int flags) {
        if ((flags & (LIVE | CONFIG)) == 0) {
            flags |= o.isActive() ? LIVE : CONFIG;
        }
        if ((flags & LIVE) != 0 && !o.isActive()) {
            throw Errors.notRunning();
        }
        if ((flags & CONFIG) != 0 && !o.persistent) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "transient domains do not have any persistent config");
        }
        return flags;
    }

    static DomainDef persistent(TestDomainObj o) {
        return o.isActive() && o.newDef != null ? o.newDef : o.def;
    }

    static Defs defs(TestDomainObj o, int flags) {
        int f = impact(o, flags);
        return new Defs((f & LIVE) != 0 ? o.def : null, (f & CONFIG) != 0 ? persistent(o) : null);
    }

    /** One definition: LIVE and CONFIG together are refused. */
    static DomainDef one(TestDomainObj o, int flags) {
        if ((flags & LIVE) != 0 && (flags & CONFIG) != 0) {
            throw Errors.exclusive("VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG");
        }
        int f = impact(o, flags);
        return (f & LIVE) != 0 ? o.def : persistent(o);
    }

    /** Whether {@link #one} picks the live definition. */
    static boolean oneIsLive(TestDomainObj o, int flags) {
        return (impact(o, flags) & LIVE) != 0;
    }
}
