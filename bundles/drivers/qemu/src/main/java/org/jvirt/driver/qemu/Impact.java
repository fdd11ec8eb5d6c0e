package org.jvirt.driver.qemu;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;

/**
 * Which definitions a change touches (libvirt's virDomainObjGetDefs): the running one, the persistent one, or
 * both; "current" means the running one for a running domain and the persistent one otherwise.
 *
 * @param live       the running definition to change, or null
 * @param persistent the persistent definition to change, or null
 */
record Impact(DomainDef live, DomainDef persistent) {
    /** Resolves libvirt's LIVE and CONFIG bits (neither: current) for {@code o}, under its lock. */
    static Impact of(QemuDomainObj o, boolean live, boolean config) {
        synchronized (o) {
            boolean active = o.isActive();
            if (!live && !config) {
                live = active;
                config = !active;
            }
            if (live && !active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            if (config && !o.persistent) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "transient domains do not have any persistent config");
            }
            return new Impact(live ? o.def : null, config ? o.persistentDef() : null);
        }
    }
}
