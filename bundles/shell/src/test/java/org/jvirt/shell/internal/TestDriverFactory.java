package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.ServiceLoader;

import org.jvirt.api.ConnectFactory;

/**
 * A new standalone factory (core's, found through ServiceLoader) with jvirt's test driver: each call starts from a
 * fresh test:///default. Where core or the test driver is not on the class path, the calling test is skipped and
 * says which is missing.
 */
public final class TestDriverFactory {
    private TestDriverFactory() {
    }

    public static ConnectFactory fresh() {
        Optional<ConnectFactory> factory = ServiceLoader.load(ConnectFactory.class).findFirst();
        assumeTrue(factory.isPresent(), "core's standalone ConnectFactory is not on the test class path");
        assumeTrue(factory.get().drivers().stream().anyMatch(d -> d.uriSchemes().contains("test")),
                "jvirt's test driver is not on the test class path");
        return factory.get();
    }
}
