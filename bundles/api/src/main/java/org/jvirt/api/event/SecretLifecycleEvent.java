package org.jvirt.api.event;

import org.jvirt.api.Secret;

/** A secret was defined or undefined (VIR_SECRET_EVENT_ID_LIFECYCLE); the detail is 0 for now. */
public record SecretLifecycleEvent(Secret secret, SecretLifecycleType type, int detail) implements SecretEvent {
    @Override
    public SecretEventId id() {
        return SecretEventId.LIFECYCLE;
    }
}
