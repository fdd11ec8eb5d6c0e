package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvirt.jmx.internal.JmxTestSupport.SERVER;
import static org.jvirt.jmx.internal.JmxTestSupport.await;
import static org.jvirt.jmx.internal.JmxTestSupport.jvirtNames;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.VirtException;
import org.jvirt.jmx.JvirtObjectNames;

/** Objects without events (volumes, interfaces), on a fake host whose pools change on demand. */
class ListedObjectBeansTest {
    static final String URI = FakeObjectsHost.URI;

    private final FakeObjectsHost host = new FakeObjectsHost();
    private ListedObjectBeans<StorageVolumeKind.Volume> volumes;

    @BeforeEach
    void setUp() {
        assertThat(jvirtNames()).as("left over by an earlier test").isEmpty();
        host.pools.put("images", new FakeObjectsHost.Pool("images", true, true));
        host.pools.get("images").volumes.addAll(List.of("a.qcow2", "b.qcow2"));
        volumes = new ListedObjectBeans<>(StorageVolumeKind.INSTANCE, host.connect, URI, new MBeanRegistry(SERVER));
        volumes.start();
    }

    @AfterEach
    void tearDown() {
        volumes.close();
        assertThat(jvirtNames()).isEmpty();
        assertThat(host.subscribers()).as("every subscription ended").isZero();
    }

    @Test
    void theVolumesOfThePoolsAreRegisteredUnderTheirPool() {
        assertThat(jvirtNames()).containsExactlyInAnyOrder(vol("a.qcow2"), vol("b.qcow2"));
        assertThat(volumes.count()).isEqualTo(2);
        assertThat(volumes.supported()).isTrue();
    }

    @Test
    void aRefreshOfThePoolListsItsVolumesAgain() throws Exception {
        host.pools.get("images").volumes.remove("a.qcow2");
        host.pools.get("images").volumes.add("c.qcow2");

        host.pool(host.pools.get("images")).refresh();

        await("c.qcow2 registered, a.qcow2 gone", () -> SERVER.isRegistered(vol("c.qcow2"))
                && !SERVER.isRegistered(vol("a.qcow2")));
        assertThat(jvirtNames()).containsExactlyInAnyOrder(vol("b.qcow2"), vol("c.qcow2"));
    }

    @Test
    void aDriverWithoutTheKindGetsNoBeans() {
        Connect none = (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(),
                new Class<?>[] {Connect.class}, (proxy, m, args) -> {
                    throw VirtException.noSupport();
                });
        ListedObjectBeans<org.jvirt.api.Interface> interfaces = new ListedObjectBeans<>(InterfaceKind.INSTANCE, none,
                "none:///", new MBeanRegistry(SERVER));
        interfaces.start();

        assertThat(interfaces.supported()).isFalse();
        assertThat(interfaces.count()).isZero();
        interfaces.relist();
        assertThat(interfaces.count()).isZero();
        interfaces.close();
    }

    @Test
    void afterCloseAListingChangesNothing() {
        volumes.close();
        host.pools.get("images").volumes.add("late.qcow2");

        volumes.relist();

        assertThat(jvirtNames()).isEmpty();
        assertThat(Set.copyOf(host.pools.get("images").volumes)).contains("late.qcow2");
    }

    private static ObjectName vol(String name) {
        return JvirtObjectNames.storageVolume(URI, "images", name);
    }
}
