package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.event.ConnectCloseListener;
import org.jvirt.jmx.JvirtObjectNames;

/**
 * A connection that closes on its own (its driver left, its server went away) takes its MBeans with it. Outside
 * OSGi no driver can leave, so the factory here hands out the real test driver's connections and keeps the close
 * listener the component registers, to call it as the platform would.
 */
class ConnectionLostTest {
    private final ListenerKeepingFactory factory = new ListenerKeepingFactory(JmxTestSupport.factory());
    private JmxComponent component;

    @BeforeEach
    void setUp() {
        assertThat(jvirtNames()).as("left over by an earlier test").isEmpty();
        component = new JmxComponent(factory, Map.of(JmxComponent.URIS, "test:///default"));
    }

    @AfterEach
    void tearDown() {
        component.deactivate();
    }

    @Test
    void aConnectionClosedUnderneathLosesItsMBeans() {
        assertThat(jvirtNames()).contains(JvirtObjectNames.connection("test:///default"),
                JvirtObjectNames.domain("test:///default", "test"));
        assertThat(factory.listener).as("the component asked to be told of a close").isNotNull();

        factory.listener.onClose(CloseReason.EOF);

        assertThat(jvirtNames()).isEmpty();
        assertThat(component.exportedUris()).isEmpty();
    }

    @Test
    void theNextConfigurationOpensItAgain() {
        factory.listener.onClose(CloseReason.KEEPALIVE);

        component.modified(Map.of(JmxComponent.URIS, "test:///default"));

        assertThat(component.exportedUris()).containsExactly("test:///default");
        assertThat(jvirtNames()).contains(JvirtObjectNames.connection("test:///default"));
    }

    /** The real factory, except that it keeps the last close listener registered on a connection it opened. */
    static final class ListenerKeepingFactory implements ConnectFactory {
        private final ConnectFactory real;
        volatile ConnectCloseListener listener;

        ListenerKeepingFactory(ConnectFactory real) {
            this.real = real;
        }

        @Override
        public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
            Connect connect = real.open(uri, flags, auth);
            return (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(), new Class<?>[] {Connect.class},
                    (self, method, args) -> {
                        if (method.getName().equals("registerCloseCallback")) {
                            listener = (ConnectCloseListener) args[0];
                        }
                        try {
                            return method.invoke(connect, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
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
