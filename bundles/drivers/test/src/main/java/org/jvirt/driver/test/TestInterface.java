package org.jvirt.driver.test;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Interface;
import org.jvirt.api.InterfaceXMLFlag;
import org.jvirt.api.VirtException;

/** A handle naming a host interface of a test connection by name and MAC address (libvirt's test interface functions). */
final class TestInterface implements Interface {
    private final TestConnect conn;
    private final String name;
    private final String mac;

    TestInterface(TestConnect conn, String name, String mac) {
        this.conn = conn;
        this.name = name;
        this.mac = mac == null ? "" : mac;
    }

    /** Runs {@code body} on the interface of this handle's name (testInterfaceObjFindByName). */
    private <T> T with(Function<InterfaceObjList.InterfaceObj, T> body) {
        return conn.locked(() -> body.apply(TestInterfaces.found(conn.state.objects.interfaces.byName(name), name)));
    }

    @Override
    public Connect getConnect() {
        return conn;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getMACString() {
        return mac;
    }

    @Override
    public String getXMLDesc(Set<InterfaceXMLFlag> flags) {
        Flags.check("testInterfaceGetXMLDesc", flags, 0);
        return with(o -> ObjectXml.format(o.def));
    }

    @Override
    public boolean isActive() {
        return with(o -> o.active);
    }

    @Override
    public void create() {
        with(o -> {
            if (o.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, null);
            }
            o.active = true;
            return null;
        });
    }

    @Override
    public void destroy() {
        with(o -> {
            if (!o.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, null);
            }
            o.active = false;
            return null;
        });
    }

    @Override
    public void undefine() {
        // as libvirt's test driver, a running interface is undefined as well
        with(o -> {
            conn.state.objects.interfaces.remove(o);
            return null;
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestInterface i && i.name.equals(name) && i.conn == conn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, System.identityHashCode(conn));
    }

    @Override
    public String toString() {
        return "TestInterface[" + name + ", " + mac + "]";
    }
}
