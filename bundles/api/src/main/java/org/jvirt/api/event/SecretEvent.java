package org.jvirt.api.event;

import org.jvirt.api.Secret;

/** Something that happened to a secret. */
public interface SecretEvent extends ObjectEvent {
    Secret secret();

    SecretEventId id();

    @Override
    default Object subject() {
        return secret();
    }
}
