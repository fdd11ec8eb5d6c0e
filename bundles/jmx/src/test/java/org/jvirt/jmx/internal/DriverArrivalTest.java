package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvirt.jmx.internal.JmxTestSupport.await;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.jmx.JvirtObjectNames;

/**
 * A configured URI whose driver is not there yet is exported once a driver arrives. The factory here refuses the
 * test driver's URI as the platform does while that driver is absent, until the test "installs" it.
 */
class DriverArrivalTest {
    private final LateDriverFactory factory = new LateDriverFactory(JmxTestSupport.factory());
    private JmxComponent component;

    @AfterEach
    void tearDown() {
        component.deactivate();
    }

    @Test
    void aUriIsExportedWhenADriverArrives() {
        assertThat(jvirtNames()).as("left over by an earlier test").isEmpty();
        component = new JmxComponent(factory, Map.of(JmxComponent.URIS, "test:///default"));
        assertThat(component.exportedUris()).isEmpty();
        assertThat(jvirtNames()).isEmpty();

        factory.installed = true;
        component.driverAdded(null);

        await("the connection exported after the driver arrived",
                () -> component.exportedUris().contains("test:///default"));
        assertThat(jvirtNames()).contains(JvirtObjectNames.connection("test:///default"),
                JvirtObjectNames.domain("test:///default", "test"));
    }

    @Test
    void afterDeactivationAnArrivingDriverOpensNothing() {
        component = new JmxComponent(factory, Map.of(JmxComponent.URIS, "test:///default"));
        component.deactivate();

        factory.installed = true;
        component.driverAdded(null);

        assertThat(component.exportedUris()).isEmpty();
        assertThat(jvirtNames()).isEmpty();
    }

    /** The real factory, except that it has no driver for any URI until {@link #installed}. */
    static final class LateDriverFactory implements ConnectFactory {
        private final ConnectFactory real;
        volatile boolean installed;

        LateDriverFactory(ConnectFactory real) {
            this.real = real;
        }

        @Override
        public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
            if (!installed) {
                throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, uri);
            }
            return real.open(uri, flags, auth);
        }

        @Override
        public String defaultUri() {
            return real.defaultUri();
        }

        @Override
        public List<DriverInfo> drivers() {
            return real.drivers();
        }
    }
}
