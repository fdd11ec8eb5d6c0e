package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.driver.HypervisorDriver;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.StartedDetail;

/**
 * A driver small enough to read at a glance, for testing what the hub does around drivers: one domain "d1" that can
 * be started; no suspend (so the platform must name it unsupported).
 */
final class TinyDriver implements HypervisorDriver {
    final String scheme;
    final boolean decline;
    final List<Conn> opened = new ArrayList<>();
    final UUID uuid = UUID.fromString("11111111-2222-3333-4444-555555555555");
    volatile boolean running;

    TinyDriver(String scheme, boolean decline) {
        this.scheme = scheme;
        this.decline = decline;
    }

    @Override
    public String name() {
        return scheme;
    }

    @Override
    public List<String> uriSchemes() {
        return List.of(scheme);
    }

    @Override
    public Optional<Connect> open(ConnectRequest request) {
        if (decline) {
            return Optional.empty();
        }
        Conn c = new Conn(request);
        opened.add(c);
        return Optional.of(c);
    }

    final class Conn implements Connect {
        final ConnectRequest request;
        volatile boolean closed;

        Conn(ConnectRequest request) {
            this.request = request;
        }

        EventSink sink() {
            return request.events();
        }

        @Override
        public String getURI() {
            return request.uri().toString();
        }

        @Override
        public String getType() {
            return "TINY";
        }

        @Override
        public List<Domain> listAllDomains(Set<ListDomainsFlag> flags) {
            return List.of(new Dom(this));
        }

        @Override
        public Domain domainLookupByName(String name) {
            if (!"d1".equals(name)) {
                throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                        "no domain with matching name '" + name + "'");
            }
            return new Dom(this);
        }

        @Override
        public Domain domainLookupByUUID(UUID u) {
            return new Dom(this);
        }

        @Override
        public Domain domainLookupByID(int id) {
            throw new IllegalStateException("boom: a driver bug");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final class Dom implements Domain {
        final Conn conn;

        Dom(Conn conn) {
            this.conn = conn;
        }

        @Override
        public Connect getConnect() {
            return conn;
        }

        @Override
        public String getName() {
            return "d1";
        }

        @Override
        public UUID getUUID() {
            return uuid;
        }

        @Override
        public int getID() {
            return running ? 1 : -1;
        }

        @Override
        public DomainInfo getInfo() {
            return new DomainInfo(running ? DomainState.RUNNING : DomainState.SHUTOFF, 1024, 1024, 1, 0);
        }

        @Override
        public DomainStateInfo getState() {
            return new DomainStateInfo(getInfo().state(), 0);
        }

        @Override
        public String getXMLDesc(Set<DomainXMLFlag> flags) {
            return "<domain/>";
        }

        /** Arrives on the destination: the domain there is the destination connection's. */
        @Override
        public Domain migrate(Connect dconn, Set<org.jvirt.api.DomainMigrateFlag> flags, String dname, String uri,
                long bandwidth) {
            return new Dom((Conn) dconn);
        }

        @Override
        public void create(Set<org.jvirt.api.DomainCreateFlag> flags) {
            running = true;
            for (Conn c : opened) {
                c.sink().domainEvent(new DomainLifecycleEvent(this, LifecycleEventType.STARTED, StartedDetail.BOOTED));
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Dom d && d.conn == conn;
        }

        @Override
        public int hashCode() {
            return uuid.hashCode();
        }
    }

}
