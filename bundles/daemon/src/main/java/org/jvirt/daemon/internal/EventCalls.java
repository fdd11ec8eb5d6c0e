package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import org.jvirt.api.event.DomainEventId;
import org.jvirt.rpc.qemu.QemuProtocol;

/** Event (de)registrations of every kind, and the connection's close callback. */
final class EventCalls {
    private EventCalls() {
    }

    static void register(DispatchTable t) {
        t.on(CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, (c, a) -> new ConnectDomainEventCallbackRegisterAnyRet(
                c.session().events().domain(c.conn(), a.dom() == null ? null : c.dom(a.dom()), a.eventID(), false)));
        t.on(CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, (c, a) -> {
            c.session().events().domainDeregister(a.callbackID());
            return null;
        });
        t.on(CONNECT_DOMAIN_EVENT_REGISTER_ANY, (c, a) -> {
            c.session().events().domain(c.conn(), null, a.eventID(), true);
            return null;
        });
        t.on(CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, (c, a) -> {
            c.session().events().domainDeregisterLegacy(a.eventID());
            return null;
        });
        t.on(CONNECT_DOMAIN_EVENT_REGISTER, (c, a) -> {
            c.session().events().domain(c.conn(), null, DomainEventId.LIFECYCLE.value(), true);
            return new ConnectDomainEventRegisterRet(0);
        });
        t.on(CONNECT_DOMAIN_EVENT_DEREGISTER, (c, a) -> {
            c.session().events().domainDeregisterLegacy(DomainEventId.LIFECYCLE.value());
            return new ConnectDomainEventDeregisterRet(0);
        });

        t.on(CONNECT_NETWORK_EVENT_REGISTER_ANY, (c, a) -> new ConnectNetworkEventRegisterAnyRet(
                c.session().events().network(c.conn(), a.net() == null ? null : c.net(a.net()), a.eventID())));
        t.on(CONNECT_NETWORK_EVENT_DEREGISTER_ANY, (c, a) -> {
            c.session().events().deregister("network", a.callbackID());
            return null;
        });
        t.on(CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY, (c, a) -> new ConnectStoragePoolEventRegisterAnyRet(
                c.session().events().pool(c.conn(), a.pool() == null ? null : c.pool(a.pool()), a.eventID())));
        t.on(CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY, (c, a) -> {
            c.session().events().deregister("storage pool", a.callbackID());
            return null;
        });
        t.on(CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY, (c, a) -> new ConnectNodeDeviceEventRegisterAnyRet(
                c.session().events().nodeDevice(c.conn(), a.dev() == null ? null : c.dev(a.dev()), a.eventID())));
        t.on(CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY, (c, a) -> {
            c.session().events().deregister("node device", a.callbackID());
            return null;
        });
        t.on(CONNECT_SECRET_EVENT_REGISTER_ANY, (c, a) -> new ConnectSecretEventRegisterAnyRet(
                c.session().events().secret(c.conn(), a.secret() == null ? null : c.secret(a.secret()),
                        a.eventID())));
        t.on(CONNECT_SECRET_EVENT_DEREGISTER_ANY, (c, a) -> {
            c.session().events().deregister("secret", a.callbackID());
            return null;
        });

        t.on(QemuProtocol.CONNECT_DOMAIN_MONITOR_EVENT_REGISTER, (c, a) ->
                new QemuProtocol.ConnectDomainMonitorEventRegisterRet(c.session().events().qemu(c.conn(),
                        a.dom() == null ? null : c.dom(a.dom()), a.event(), a.flags())));
        t.on(QemuProtocol.CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER, (c, a) -> {
            c.session().events().qemuDeregister(a.callbackID());
            return null;
        });

        t.on(CONNECT_REGISTER_CLOSE_CALLBACK, (c, a) -> {
            c.session().events().closeCallback(c.conn());
            return null;
        });
        t.on(CONNECT_UNREGISTER_CLOSE_CALLBACK, (c, a) -> {
            c.conn();
            c.session().events().closeCallbackRemove();
            return null;
        });
    }
}
