package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ConnectInterfaces;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Interface;
import org.jvirt.api.InterfaceDefineFlag;
import org.jvirt.api.ListInterfacesFlag;
import org.jvirt.api.VirtException;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.conf.iface.InterfaceDef;

/**
 * The host interfaces of a test connection (libvirt's testInterfaceDriver table): lookups, lists, define and the
 * change transactions. The connection implements this interface; the state lives in {@link HostObjects}.
 */
interface TestInterfaces extends ConnectInterfaces {

    /** The connection this part belongs to: only {@link TestConnect} implements it. */
    private TestConnect self() {
        return (TestConnect) this;
    }

    @Override
    default List<Interface> listAllInterfaces(Set<ListInterfacesFlag> flags) {
        Flags.check("testConnectListAllInterfaces", flags, Flags.all(ListInterfacesFlag.class));
        boolean active = flags.contains(ListInterfacesFlag.ACTIVE);
        boolean inactive = flags.contains(ListInterfacesFlag.INACTIVE);
        return self().locked(() -> {
            List<Interface> out = new ArrayList<>();
            for (InterfaceObjList.InterfaceObj o : self().state.objects.interfaces.all()) {
                if (active == inactive || active && o.active || inactive && !o.active) {
                    out.add(handle(self(), o));
                }
            }
            return out;
        });
    }

    @Override
    default Interface interfaceLookupByName(String name) {
        return self().locked(() -> handle(self(), found(self().state.objects.interfaces.byName(name), name)));
    }

    @Override
    default Interface interfaceLookupByMACString(String mac) {
        return self().locked(() -> {
            List<String> names = self().state.objects.interfaces.namesByMac(mac);
            if (names.isEmpty()) {
                throw new VirtException(ErrorCode.NO_INTERFACE, ErrorDomain.TEST,
                        "no interface with matching mac '" + mac + "'");
            }
            if (names.size() > 1) {
                throw new VirtException(ErrorCode.MULTIPLE_INTERFACES, ErrorDomain.TEST, null);
            }
            // the handle carries the address as the caller wrote it
            return new TestInterface(self(), names.get(0), mac);
        });
    }

    @Override
    default Interface interfaceDefineXML(String xml, Set<InterfaceDefineFlag> flags) {
        Flags.check("testInterfaceDefineXML", flags, InterfaceDefineFlag.VALIDATE.value());
        return self().locked(() -> {
            InterfaceDef def = parse(xml, flags.contains(InterfaceDefineFlag.VALIDATE));
            return handle(self(), self().state.objects.interfaces.assign(def));
        });
    }

    @Override
    default void interfaceChangeBegin() {
        self().locked(() -> {
            HostObjects h = self().state.objects;
            if (h.interfacesBackup != null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "there is another transaction running.");
            }
            h.interfacesBackup = h.interfaces.copy();
            return null;
        });
    }

    @Override
    default void interfaceChangeCommit() {
        self().locked(() -> {
            HostObjects h = self().state.objects;
            if (h.interfacesBackup == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "no transaction running, nothing to be committed.");
            }
            h.interfacesBackup = null;
            return null;
        });
    }

    @Override
    default void interfaceChangeRollback() {
        self().locked(() -> {
            HostObjects h = self().state.objects;
            if (h.interfacesBackup == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "no transaction running, nothing to rollback.");
            }
            h.interfaces = h.interfacesBackup;
            h.interfacesBackup = null;
            return null;
        });
    }

    /** An interface definition from its XML; it must have a name. */
    static InterfaceDef parse(String xml, boolean validate) {
        if (validate) {
            XmlSchemas.check(xml, "interface");
        }
        InterfaceDef def = ObjectXml.parseDefinition(xml, InterfaceDef.class);
        if (def.name == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.INTERFACE, "interface has no name");
        }
        return def;
    }

    static InterfaceObjList.InterfaceObj found(InterfaceObjList.InterfaceObj o, String name) {
        if (o == null) {
            throw new VirtException(ErrorCode.NO_INTERFACE, ErrorDomain.TEST,
                    "no interface with matching name '" + name + "'");
        }
        return o;
    }

    static TestInterface handle(TestConnect conn, InterfaceObjList.InterfaceObj o) {
        return new TestInterface(conn, o.name(), o.mac());
    }
}
