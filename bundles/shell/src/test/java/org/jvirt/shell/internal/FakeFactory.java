package org.jvirt.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.VirtException;

/**
 * A factory with one kind of connection that has no domains, for the console's own tests (parsing, streams,
 * statuses); the commands are tested against the real test driver. URIs starting with "bad:" do not open; on a
 * connection to "boom:///" hostname fails with a plain runtime exception, as a driver bug would.
 */
final class FakeFactory implements ConnectFactory {
    final List<FakeConnect> opened = new ArrayList<>();

    @Override
    public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
        String target = uri == null || uri.isEmpty() ? defaultUri() : uri;
        if (target.startsWith("bad:")) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, target);
        }
        FakeConnect c = new FakeConnect(target, flags.contains(ConnectFlag.RO));
        opened.add(c);
        return c;
    }

    @Override
    public String defaultUri() {
        return "fake:///default";
    }

    @Override
    public List<DriverInfo> drivers() {
        return List.of(new DriverInfo("fake", "org.jvirt.driver.fake", "1.2.3", "ACTIVE", List.of("fake", "boom"), 0),
                new DriverInfo("broken", "org.jvirt.driver.broken", "0.1.0", "INSTALLED", List.of(), 0));
    }

    static final class FakeConnect implements Connect {
        final String uri;
        final boolean readOnly;
        boolean closed;

        FakeConnect(String uri, boolean readOnly) {
            this.uri = uri;
            this.readOnly = readOnly;
        }

        @Override
        public String getURI() {
            return uri;
        }

        @Override
        public String getType() {
            return "FAKE";
        }

        @Override
        public String getHostname() {
            if (uri.startsWith("boom:")) {
                throw new IllegalStateException("boom");
            }
            return "fakehost";
        }

        @Override
        public List<Domain> listAllDomains(Set<ListDomainsFlag> flags) {
            return List.of();
        }

        @Override
        public Domain domainLookupByName(String name) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching name '" + name
                    + "'");
        }

        @Override
        public Domain domainLookupByUUID(UUID uuid) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching uuid");
        }

        @Override
        public Domain domainLookupByID(int id) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching id " + id);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
