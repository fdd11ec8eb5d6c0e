package org.jvirt.api.event;

import org.jvirt.api.Secret;

/** A secret's value changed (VIR_SECRET_EVENT_ID_VALUE_CHANGED). */
public record SecretValueChangedEvent(Secret secret) implements SecretEvent {
    @Override
    public SecretEventId id() {
        return SecretEventId.VALUE_CHANGED;
    }
}
