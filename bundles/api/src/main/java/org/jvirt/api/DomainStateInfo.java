package org.jvirt.api;

/**
 * A domain's state with the reason it is in it (virDomainGetState). The reason is a number whose meaning depends
 * on the state; {@link #reasonConstant()} gives it as the matching enum constant.
 */
public record DomainStateInfo(DomainState state, int reason) {

    /** The reason as a constant of the state's reason enum ({@link RunningReason} for RUNNING, …), or null. */
    public VirEnum reasonConstant() {
        return switch (state) {
            case NOSTATE -> NostateReason.fromValue(reason);
            case RUNNING -> RunningReason.fromValue(reason);
            case BLOCKED -> BlockedReason.fromValue(reason);
            case PAUSED -> PausedReason.fromValue(reason);
            case SHUTDOWN -> ShutdownReason.fromValue(reason);
            case SHUTOFF -> ShutoffReason.fromValue(reason);
            case CRASHED -> CrashedReason.fromValue(reason);
            case PMSUSPENDED -> PMSuspendedReason.fromValue(reason);
        };
    }

    public static DomainStateInfo of(DomainState state, VirEnum reason) {
        return new DomainStateInfo(state, reason.value());
    }
}
