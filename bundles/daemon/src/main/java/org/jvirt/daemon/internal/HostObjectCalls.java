package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.List;
import org.jvirt.api.Interface;
import org.jvirt.api.InterfaceDefineFlag;
import org.jvirt.api.InterfaceXMLFlag;
import org.jvirt.api.ListInterfacesFlag;
import org.jvirt.api.ListNodeDevicesFlag;
import org.jvirt.api.ListSecretsFlag;
import org.jvirt.api.NWFilter;
import org.jvirt.api.NWFilterBinding;
import org.jvirt.api.NWFilterBindingCreateFlag;
import org.jvirt.api.NWFilterDefineFlag;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.NodeDeviceCreateXMLFlag;
import org.jvirt.api.NodeDeviceDefineXMLFlag;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretDefineFlag;
import org.jvirt.api.SecretUsageType;

/** The host's other objects: node devices, interfaces, network filters and their bindings, secrets. */
final class HostObjectCalls {
    private HostObjectCalls() {
    }

    static void register(DispatchTable t) {
        nodeDevices(t);
        interfaces(t);
        nwfilters(t);
        secrets(t);
    }

    private static void nodeDevices(DispatchTable t) {
        t.on(CONNECT_LIST_ALL_NODE_DEVICES, (c, a) -> {
            List<NodeDevice> devs = c.conn().listAllNodeDevices(c.flags(ListNodeDevicesFlag.class, a.flags()));
            return new ConnectListAllNodeDevicesRet(a.needResults() != 0 ? Wire.map(devs, Wire::dev) : List.of(),
                    devs.size());
        });
        t.on(NODE_NUM_OF_DEVICES, (c, a) -> {
            c.noFlags(a.flags());
            return new NodeNumOfDevicesRet(c.conn().nodeNumOfDevices(a.cap()));
        });
        t.on(NODE_LIST_DEVICES, (c, a) -> {
            c.noFlags(a.flags());
            DomainCalls.max(a.maxnames(), REMOTE_NODE_DEVICE_LIST_MAX, "maxnames > REMOTE_NODE_DEVICE_LIST_MAX");
            return new NodeListDevicesRet(DomainCalls.first(c.conn().nodeListDevices(a.cap()), a.maxnames()));
        });
        t.on(NODE_DEVICE_LOOKUP_BY_NAME, (c, a) -> new NodeDeviceLookupByNameRet(Wire.dev(c.dev(a.name()))));
        t.on(NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN, (c, a) -> {
            c.noFlags(a.flags());
            return new NodeDeviceLookupScsiHostByWwnRet(Wire.dev(c.conn().nodeDeviceLookupSCSIHostByWWN(a.wwnn(),
                    a.wwpn())));
        });
        t.on(NODE_DEVICE_GET_XML_DESC, (c, a) -> {
            c.noFlags(a.flags());
            return new NodeDeviceGetXmlDescRet(c.dev(a.name()).getXMLDesc());
        });
        t.on(NODE_DEVICE_GET_PARENT, (c, a) -> new NodeDeviceGetParentRet(c.dev(a.name()).getParent()));
        t.on(NODE_DEVICE_NUM_OF_CAPS, (c, a) -> new NodeDeviceNumOfCapsRet(c.dev(a.name()).numOfCaps()));
        t.on(NODE_DEVICE_LIST_CAPS, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_NODE_DEVICE_CAPS_LIST_MAX,
                    "maxnames > REMOTE_NODE_DEVICE_CAPS_LIST_MAX");
            return new NodeDeviceListCapsRet(DomainCalls.first(c.dev(a.name()).listCaps(), a.maxnames()));
        });
        t.on(NODE_DEVICE_DETTACH, (c, a) -> {
            c.dev(a.name()).dettach();
            return null;
        });
        t.on(NODE_DEVICE_DETACH_FLAGS, (c, a) -> {
            c.noFlags(a.flags());
            c.dev(a.name()).detachFlags(a.driverName());
            return null;
        });
        t.on(NODE_DEVICE_RE_ATTACH, (c, a) -> {
            c.dev(a.name()).reAttach();
            return null;
        });
        t.on(NODE_DEVICE_RESET, (c, a) -> {
            c.dev(a.name()).reset();
            return null;
        });
        t.on(NODE_DEVICE_CREATE_XML, (c, a) -> new NodeDeviceCreateXmlRet(Wire.dev(c.conn().nodeDeviceCreateXML(
                a.xmlDesc(), c.flags(NodeDeviceCreateXMLFlag.class, a.flags())))));
        t.on(NODE_DEVICE_DEFINE_XML, (c, a) -> new NodeDeviceDefineXmlRet(Wire.dev(c.conn().nodeDeviceDefineXML(
                a.xmlDesc(), c.flags(NodeDeviceDefineXMLFlag.class, a.flags())))));
        t.on(NODE_DEVICE_DESTROY, (c, a) -> {
            c.dev(a.name()).destroy();
            return null;
        });
        t.on(NODE_DEVICE_UNDEFINE, (c, a) -> {
            c.noFlags(a.flags());
            c.dev(a.name()).undefine();
            return null;
        });
        t.on(NODE_DEVICE_CREATE, (c, a) -> {
            c.noFlags(a.flags());
            c.dev(a.name()).create();
            return null;
        });
        t.on(NODE_DEVICE_GET_AUTOSTART, (c, a) -> new NodeDeviceGetAutostartRet(c.dev(a.name()).getAutostart()
                ? 1 : 0));
        t.on(NODE_DEVICE_SET_AUTOSTART, (c, a) -> {
            c.dev(a.name()).setAutostart(a.autostart() != 0);
            return null;
        });
        t.on(NODE_DEVICE_IS_PERSISTENT, (c, a) -> new NodeDeviceIsPersistentRet(c.dev(a.name()).isPersistent()
                ? 1 : 0));
        t.on(NODE_DEVICE_IS_ACTIVE, (c, a) -> new NodeDeviceIsActiveRet(c.dev(a.name()).isActive() ? 1 : 0));
    }

    private static void interfaces(DispatchTable t) {
        t.on(CONNECT_LIST_ALL_INTERFACES, (c, a) -> {
            List<Interface> list = c.conn().listAllInterfaces(c.flags(ListInterfacesFlag.class, a.flags()));
            return new ConnectListAllInterfacesRet(a.needResults() != 0 ? Wire.map(list, Wire::iface) : List.of(),
                    list.size());
        });
        t.on(CONNECT_NUM_OF_INTERFACES, (c, a) -> new ConnectNumOfInterfacesRet(c.conn().numOfInterfaces()));
        t.on(CONNECT_LIST_INTERFACES, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_INTERFACE_LIST_MAX, "maxnames > REMOTE_INTERFACE_LIST_MAX");
            return new ConnectListInterfacesRet(DomainCalls.first(c.conn().listInterfaces(), a.maxnames()));
        });
        t.on(CONNECT_NUM_OF_DEFINED_INTERFACES, (c, a) -> new ConnectNumOfDefinedInterfacesRet(
                c.conn().numOfDefinedInterfaces()));
        t.on(CONNECT_LIST_DEFINED_INTERFACES, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_INTERFACE_LIST_MAX, "maxnames > REMOTE_INTERFACE_LIST_MAX");
            return new ConnectListDefinedInterfacesRet(DomainCalls.first(c.conn().listDefinedInterfaces(),
                    a.maxnames()));
        });
        t.on(INTERFACE_LOOKUP_BY_NAME, (c, a) -> new InterfaceLookupByNameRet(Wire.iface(c.conn()
                .interfaceLookupByName(a.name()))));
        t.on(INTERFACE_LOOKUP_BY_MAC_STRING, (c, a) -> new InterfaceLookupByMacStringRet(Wire.iface(c.conn()
                .interfaceLookupByMACString(a.mac()))));
        t.on(INTERFACE_GET_XML_DESC, (c, a) -> new InterfaceGetXmlDescRet(c.iface(a.iface()).getXMLDesc(
                c.flags(InterfaceXMLFlag.class, a.flags()))));
        t.on(INTERFACE_DEFINE_XML, (c, a) -> new InterfaceDefineXmlRet(Wire.iface(c.conn().interfaceDefineXML(
                a.xml(), c.flags(InterfaceDefineFlag.class, a.flags())))));
        t.on(INTERFACE_UNDEFINE, (c, a) -> {
            c.iface(a.iface()).undefine();
            return null;
        });
        t.on(INTERFACE_CREATE, (c, a) -> {
            c.noFlags(a.flags());
            c.iface(a.iface()).create();
            return null;
        });
        t.on(INTERFACE_DESTROY, (c, a) -> {
            c.noFlags(a.flags());
            c.iface(a.iface()).destroy();
            return null;
        });
        t.on(INTERFACE_IS_ACTIVE, (c, a) -> new InterfaceIsActiveRet(c.iface(a.iface()).isActive() ? 1 : 0));
        t.on(INTERFACE_CHANGE_BEGIN, (c, a) -> {
            c.noFlags(a.flags());
            c.conn().interfaceChangeBegin();
            return null;
        });
        t.on(INTERFACE_CHANGE_COMMIT, (c, a) -> {
            c.noFlags(a.flags());
            c.conn().interfaceChangeCommit();
            return null;
        });
        t.on(INTERFACE_CHANGE_ROLLBACK, (c, a) -> {
            c.noFlags(a.flags());
            c.conn().interfaceChangeRollback();
            return null;
        });
    }

    private static void nwfilters(DispatchTable t) {
        t.on(CONNECT_LIST_ALL_NWFILTERS, (c, a) -> {
            c.noFlags(a.flags());
            List<NWFilter> list = c.conn().listAllNWFilters();
            return new ConnectListAllNwfiltersRet(a.needResults() != 0 ? Wire.map(list, Wire::nwfilter) : List.of(),
                    list.size());
        });
        t.on(CONNECT_NUM_OF_NWFILTERS, (c, a) -> new ConnectNumOfNwfiltersRet(c.conn().numOfNWFilters()));
        t.on(CONNECT_LIST_NWFILTERS, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_NWFILTER_LIST_MAX, "maxnames > REMOTE_NWFILTER_LIST_MAX");
            return new ConnectListNwfiltersRet(DomainCalls.first(c.conn().listNWFilters(), a.maxnames()));
        });
        t.on(NWFILTER_LOOKUP_BY_NAME, (c, a) -> new NwfilterLookupByNameRet(Wire.nwfilter(c.conn()
                .nwfilterLookupByName(a.name()))));
        t.on(NWFILTER_LOOKUP_BY_UUID, (c, a) -> new NwfilterLookupByUuidRet(Wire.nwfilter(c.conn()
                .nwfilterLookupByUUID(Wire.uuid(a.uuid())))));
        t.on(NWFILTER_DEFINE_XML, (c, a) -> new NwfilterDefineXmlRet(Wire.nwfilter(c.conn()
                .nwfilterDefineXML(a.xml()))));
        t.on(NWFILTER_DEFINE_XML_FLAGS, (c, a) -> new NwfilterDefineXmlFlagsRet(Wire.nwfilter(c.conn()
                .nwfilterDefineXML(a.xml(), c.flags(NWFilterDefineFlag.class, a.flags())))));
        t.on(NWFILTER_UNDEFINE, (c, a) -> {
            c.nwfilter(a.nwfilter()).undefine();
            return null;
        });
        t.on(NWFILTER_GET_XML_DESC, (c, a) -> {
            c.noFlags(a.flags());
            return new NwfilterGetXmlDescRet(c.nwfilter(a.nwfilter()).getXMLDesc());
        });
        t.on(CONNECT_LIST_ALL_NWFILTER_BINDINGS, (c, a) -> {
            c.noFlags(a.flags());
            List<NWFilterBinding> list = c.conn().listAllNWFilterBindings();
            return new ConnectListAllNwfilterBindingsRet(a.needResults() != 0 ? Wire.map(list, Wire::binding)
                    : List.of(), list.size());
        });
        t.on(NWFILTER_BINDING_LOOKUP_BY_PORT_DEV, (c, a) -> new NwfilterBindingLookupByPortDevRet(Wire.binding(
                c.conn().nwfilterBindingLookupByPortDev(a.name()))));
        t.on(NWFILTER_BINDING_CREATE_XML, (c, a) -> new NwfilterBindingCreateXmlRet(Wire.binding(c.conn()
                .nwfilterBindingCreateXML(a.xml(), c.flags(NWFilterBindingCreateFlag.class, a.flags())))));
        t.on(NWFILTER_BINDING_DELETE, (c, a) -> {
            c.binding(a.nwfilter()).delete();
            return null;
        });
        t.on(NWFILTER_BINDING_GET_XML_DESC, (c, a) -> {
            c.noFlags(a.flags());
            return new NwfilterBindingGetXmlDescRet(c.binding(a.nwfilter()).getXMLDesc());
        });
    }

    private static void secrets(DispatchTable t) {
        t.on(CONNECT_LIST_ALL_SECRETS, (c, a) -> {
            List<Secret> list = c.conn().listAllSecrets(c.flags(ListSecretsFlag.class, a.flags()));
            return new ConnectListAllSecretsRet(a.needResults() != 0 ? Wire.map(list, Wire::secret) : List.of(),
                    list.size());
        });
        t.on(CONNECT_NUM_OF_SECRETS, (c, a) -> new ConnectNumOfSecretsRet(c.conn().numOfSecrets()));
        t.on(CONNECT_LIST_SECRETS, (c, a) -> {
            DomainCalls.max(a.maxuuids(), REMOTE_SECRET_LIST_MAX, "maxuuids > REMOTE_SECRET_LIST_MAX");
            return new ConnectListSecretsRet(DomainCalls.first(c.conn().listSecrets(), a.maxuuids()));
        });
        t.on(SECRET_LOOKUP_BY_UUID, (c, a) -> new SecretLookupByUuidRet(Wire.secret(c.conn().secretLookupByUUID(
                Wire.uuid(a.uuid())))));
        t.on(SECRET_LOOKUP_BY_USAGE, (c, a) -> new SecretLookupByUsageRet(Wire.secret(c.conn().secretLookupByUsage(
                Enums.of(SecretUsageType.class, a.usageType(), "usage type"), a.usageID()))));
        t.on(SECRET_DEFINE_XML, (c, a) -> new SecretDefineXmlRet(Wire.secret(c.conn().secretDefineXML(a.xml(),
                c.flags(SecretDefineFlag.class, a.flags())))));
        t.on(SECRET_GET_XML_DESC, (c, a) -> {
            c.noFlags(a.flags());
            return new SecretGetXmlDescRet(c.secret(a.secret()).getXMLDesc());
        });
        t.on(SECRET_SET_VALUE, (c, a) -> {
            c.noFlags(a.flags());
            c.secret(a.secret()).setValue(a.value());
            return null;
        });
        t.on(SECRET_GET_VALUE, (c, a) -> {
            c.noFlags(a.flags());
            return new SecretGetValueRet(c.secret(a.secret()).getValue());
        });
        t.on(SECRET_UNDEFINE, (c, a) -> {
            c.secret(a.secret()).undefine();
            return null;
        });
    }
}
