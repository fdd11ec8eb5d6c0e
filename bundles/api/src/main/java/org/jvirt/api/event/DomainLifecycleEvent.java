package org.jvirt.api.event;

import org.jvirt.api.Domain;
import org.jvirt.api.VirEnum;

/**
 * A domain was defined, undefined, started, suspended, resumed, stopped, shut down, pm-suspended or crashed
 * (VIR_DOMAIN_EVENT_ID_LIFECYCLE). The detail's meaning depends on the type; {@link #detailConstant()} gives it as
 * an enum constant.
 */
public record DomainLifecycleEvent(Domain domain, LifecycleEventType type, int detail) implements DomainEvent {

    public DomainLifecycleEvent(Domain domain, LifecycleEventType type, VirEnum detail) {
        this(domain, type, detail.value());
    }

    @Override
    public DomainEventId id() {
        return DomainEventId.LIFECYCLE;
    }

    /** The detail as a constant of the type's detail enum, or null for a detail this version does not know. */
    public VirEnum detailConstant() {
        return switch (type) {
            case DEFINED -> DefinedDetail.fromValue(detail);
            case UNDEFINED -> UndefinedDetail.fromValue(detail);
            case STARTED -> StartedDetail.fromValue(detail);
            case SUSPENDED -> SuspendedDetail.fromValue(detail);
            case RESUMED -> ResumedDetail.fromValue(detail);
            case STOPPED -> StoppedDetail.fromValue(detail);
            case SHUTDOWN -> ShutdownDetail.fromValue(detail);
            case PMSUSPENDED -> PMSuspendedDetail.fromValue(detail);
            case CRASHED -> CrashedDetail.fromValue(detail);
        };
    }
}
