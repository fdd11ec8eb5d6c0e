package org.jvirt.core.internal;

import java.util.function.Function;

/**
 * The URI a connection opened without one goes to: the configured one, then {@code JVIRT_DEFAULT_URI}, then
 * {@code LIBVIRT_DEFAULT_URI}, then {@code test:///default}.
 */
final class DefaultUri {
    static final String FALLBACK = "test:///default";

    private DefaultUri() {
    }

    static String resolve(String configured, Function<String, String> environment) {
        for (String candidate : new String[] {configured, environment.apply("JVIRT_DEFAULT_URI"),
                environment.apply("LIBVIRT_DEFAULT_URI")}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return FALLBACK;
    }
}
