package org.jvirt.core.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectNetworks;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListNetworksFlag;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkDefineFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.NetworkDriver;
import org.jvirt.api.event.NetworkLifecycleEvent;
import org.jvirt.api.event.NetworkLifecycleType;

/**
 * A shared network driver, for testing how the platform routes a connection's networks to it: one network
 * "default"; defining one raises a lifecycle event on the connection that asked. Its parts are closeable.
 */
final class SharedNetworks implements NetworkDriver {
    final List<Part> parts = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "network";
    }

    @Override
    public ConnectNetworks open(ConnectRequest request) {
        Part p = new Part(request);
        parts.add(p);
        return p;
    }

    final class Part implements ConnectNetworks, AutoCloseable {
        final ConnectRequest request;
        volatile boolean closed;

        Part(ConnectRequest request) {
            this.request = request;
        }

        @Override
        public List<Network> listAllNetworks(Set<ListNetworksFlag> flags) {
            check();
            return List.of(new Net("default"));
        }

        @Override
        public Network networkLookupByName(String name) {
            check();
            if (!name.equals("default")) {
                throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK,
                        "no network with matching name '" + name + "'");
            }
            return new Net(name);
        }

        @Override
        public Network networkDefineXML(String xml, Set<NetworkDefineFlag> flags) {
            check();
            Net n = new Net("new");
            request.events().event(new NetworkLifecycleEvent(n, NetworkLifecycleType.DEFINED, 0));
            return n;
        }

        private void check() {
            if (closed) {
                throw new IllegalStateException("part used after close");
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A network of the shared driver: it knows no Connect, the platform gives its handles one. */
    static final class Net implements Network {
        final String name;

        Net(String name) {
            this.name = name;
        }

        @Override
        public Connect getConnect() {
            return null;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public UUID getUUID() {
            return KindsDriver.uuidOf("net-" + name);
        }

        @Override
        public boolean isActive() {
            return true;
        }
    }
}
