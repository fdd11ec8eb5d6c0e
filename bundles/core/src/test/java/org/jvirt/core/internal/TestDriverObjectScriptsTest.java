package org.jvirt.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NodeDeviceEventId;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.api.event.StoragePoolEventId;
import org.jvirt.driver.test.CallScript;
import org.jvirt.driver.test.CallScripts;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The test driver's call scripts of networks, storage, host interfaces, node devices and the host
 * ({@code bundles/drivers/test/src/test/resources/libvirt}), run through the platform's standalone ConnectFactory, so
 * that the proxies (wrapping, identity, unsupported functions, read-only checks, events) stand between the calls and
 * the driver, and compared with what libvirt 9.0's own test driver answered.
 */
class TestDriverObjectScriptsTest {
    private static final Path SCRIPTS = Path.of("..", "drivers", "test", "src", "test", "resources", "libvirt");

    @TestFactory
    Stream<DynamicNode> scriptsThroughThePlatform() throws IOException {
        return CallScripts.compare(SCRIPTS, PlatformOpener::new, Path.of("target", "test-driver-objects.txt"));
    }

    /** A fresh platform (and so a fresh test:///default) for each script; events through its subscriptions. */
    private static final class PlatformOpener implements CallScript.Opener {
        private ConnectFactory factory;

        @Override
        public Connect open(String uri, ConnectAuth auth, List<String> events) {
            if (factory == null) {
                factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
            }
            Connect c = factory.open(uri, Set.of(), auth);
            c.networkEventRegisterAny(null, NetworkEventId.LIFECYCLE, e -> add(events, e));
            c.storagePoolEventRegisterAny(null, StoragePoolEventId.LIFECYCLE, e -> add(events, e));
            c.storagePoolEventRegisterAny(null, StoragePoolEventId.REFRESH, e -> add(events, e));
            c.nodeDeviceEventRegisterAny(null, NodeDeviceEventId.LIFECYCLE, e -> add(events, e));
            c.nodeDeviceEventRegisterAny(null, NodeDeviceEventId.UPDATE, e -> add(events, e));
            return c;
        }

        private static void add(List<String> events, ObjectEvent e) {
            String line = CallScript.eventLine(e);
            if (line != null) {
                events.add(line);
            }
        }

        @Override
        public boolean asynchronous() {
            return true;
        }
    }
}
