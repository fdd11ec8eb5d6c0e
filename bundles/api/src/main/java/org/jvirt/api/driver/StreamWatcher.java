package org.jvirt.api.driver;

import java.util.Set;

import org.jvirt.api.StreamEventType;

/** What a {@link StreamChannel} tells when its readiness changes. */
@FunctionalInterface
public interface StreamWatcher {
    void ready(Set<StreamEventType> events);
}
