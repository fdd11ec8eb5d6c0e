package org.jvirt.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.HypervisorDriver;
import org.jvirt.api.driver.SecondaryDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's hub: the hypervisor drivers present, and the connections open to each. Opening a URI follows
 * libvirt's virConnectOpen: local drivers whose scheme matches (skipped when the URI names a server), then the
 * remote driver; a driver may decline and let the next one try. It also keeps the shared secondary drivers (network,
 * storage, …) whose parts connections open when their hypervisor driver has none of its own.
 */
final class Hub {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final List<DriverEntry> drivers = new CopyOnWriteArrayList<>();
    private final List<SecondaryEntry> secondaries = new CopyOnWriteArrayList<>();
    private final Supplier<String> defaultUri;
    private final ExecutorService eventPool;

    Hub(Supplier<String> defaultUri) {
        this.defaultUri = defaultUri;
        this.eventPool = Executors.newCachedThreadPool(namedThreads("jvirt-events-"));
    }

    String defaultUri() {
        return defaultUri.get();
    }

    // ---- drivers

    DriverEntry addDriver(HypervisorDriver driver, String name, List<String> schemes, boolean remote, Object key) {
        DriverEntry entry = new DriverEntry(driver, name, List.copyOf(schemes), remote, key);
        drivers.add(entry);
        LOG.info("driver {} serves {}", name, schemes);
        return entry;
    }

    /** The driver is leaving: its connections close (their users get INVALID_CONN, close listeners EOF). */
    void removeDriver(Object key) {
        for (DriverEntry e : drivers) {
            if (e.key.equals(key)) {
                drivers.remove(e);
                int n = e.connections.size();
                for (OpenConnection c : List.copyOf(e.connections)) {
                    c.closedUnderneath(CloseReason.EOF);
                }
                LOG.info("driver {} left; {} connection(s) closed", e.name, n);
            }
        }
    }

    List<DriverEntry> drivers() {
        return List.copyOf(drivers);
    }

    // ---- secondary drivers

    /** Adds a shared secondary driver; returns false (and adds nothing) when it serves no part the platform knows. */
    boolean addSecondary(SecondaryDriver<?> driver, String name, Object key) {
        SecondaryPart part = SecondaryPart.servedBy(driver);
        if (part == null) {
            LOG.warn("secondary driver {} ({}) serves no known part of a connection", name,
                    driver.getClass().getName());
            return false;
        }
        secondaries.add(new SecondaryEntry(part, driver, name, key));
        LOG.info("secondary driver {} serves {}", name, part);
        return true;
    }

    /** The secondary driver is leaving: the parts it opened close; connections look for another on next use. */
    void removeSecondary(Object key) {
        for (SecondaryEntry e : secondaries) {
            if (e.key.equals(key)) {
                secondaries.remove(e);
                for (DriverEntry d : drivers) {
                    for (OpenConnection c : d.connections) {
                        c.secondaryLeaving(e);
                    }
                }
                LOG.info("secondary driver {} left", e.name);
            }
        }
    }

    /** The shared driver for {@code part}: the first one that arrived and is still here, or null. */
    SecondaryEntry secondary(SecondaryPart part) {
        for (SecondaryEntry e : secondaries) {
            if (e.part == part) {
                return e;
            }
        }
        return null;
    }

    List<SecondaryEntry> secondaries() {
        return List.copyOf(secondaries);
    }

    // ---- opening

    Connect open(String name, Set<ConnectFlag> flags, ConnectAuth auth) {
        String uriText = name == null || name.isEmpty() ? defaultUri() : name;
        URI uri = parse(uriText);
        Set<ConnectFlag> fl = flags == null ? Set.of() : Set.copyOf(flags);
        boolean hasServer = uri.getAuthority() != null && !uri.getAuthority().isEmpty();
        String scheme = uri.getScheme();
        List<DriverEntry> candidates = new ArrayList<>();
        for (DriverEntry e : drivers) {
            if (!e.remote && !hasServer && scheme != null && e.schemes.contains(scheme)) {
                candidates.add(e);
            }
        }
        for (DriverEntry e : drivers) {
            if (e.remote) {
                candidates.add(e);
            }
        }
        for (DriverEntry e : candidates) {
            ConnectionEvents events = new ConnectionEvents(eventPool);
            ConnectRequest request = new ConnectRequest(uri, fl, auth, events);
            Optional<Connect> opened = openWith(e, request);
            if (opened.isPresent()) {
                OpenConnection c = new OpenConnection(this, e, opened.get(), uriText, fl.contains(ConnectFlag.RO),
                        events, request);
                e.connections.add(c);
                if (!drivers.contains(e)) {
                    // the driver left while opening
                    c.closedUnderneath(CloseReason.EOF);
                }
                LOG.debug("opened {} with driver {}", uriText, e.name);
                return c.proxy();
            }
        }
        throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, uriText);
    }

    private static Optional<Connect> openWith(DriverEntry e, ConnectRequest request) {
        try {
            return e.driver.open(request);
        } catch (VirtException v) {
            throw v;
        } catch (RuntimeException x) {
            LOG.error("the {} driver failed to open {}", e.name, request.uri(), x);
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                    "the " + e.name + " driver failed to open " + request.uri() + ": " + x, x);
        }
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.URI, "Unable to parse URI " + text);
        }
    }

    /** Closes every connection and stops the event threads: the platform is stopping. */
    void shutdown() {
        for (DriverEntry e : drivers) {
            for (OpenConnection c : List.copyOf(e.connections)) {
                c.closedUnderneath(CloseReason.EOF);
            }
        }
        drivers.clear();
        secondaries.clear();
        eventPool.shutdown();
        try {
            if (!eventPool.awaitTermination(2, TimeUnit.SECONDS)) {
                eventPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            eventPool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory namedThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A driver present in the platform, and the connections open to it. */
    static final class DriverEntry {
        final HypervisorDriver driver;
        final String name;
        final List<String> schemes;
        final boolean remote;
        final Object key;
        final List<OpenConnection> connections = new CopyOnWriteArrayList<>();

        DriverEntry(HypervisorDriver driver, String name, List<String> schemes, boolean remote, Object key) {
            this.driver = driver;
            this.name = name;
            this.schemes = schemes;
            this.remote = remote;
            this.key = key;
        }

        String name() {
            return name;
        }

        void forget(OpenConnection c) {
            connections.remove(c);
        }
    }

    /** A shared secondary driver present in the platform. */
    static final class SecondaryEntry {
        final SecondaryPart part;
        final SecondaryDriver<?> driver;
        final String name;
        final Object key;

        SecondaryEntry(SecondaryPart part, SecondaryDriver<?> driver, String name, Object key) {
            this.part = part;
            this.driver = driver;
            this.name = name;
            this.key = key;
        }

        String name() {
            return name;
        }

        /** Opens the driver's part of a connection; a failure to open leaves the part unserved (logged). */
        Object open(ConnectRequest request) {
            try {
                Object opened = driver.open(request);
                if (opened != null && !part.facet.isInstance(opened)) {
                    LOG.error("secondary driver {} opened a {} for {}, not a {}", name, opened.getClass().getName(),
                            request.uri(), part.facet.getSimpleName());
                    return null;
                }
                return opened;
            } catch (VirtException v) {
                throw v;
            } catch (RuntimeException x) {
                LOG.error("secondary driver {} failed to open its part of {}", name, request.uri(), x);
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "the " + name + " driver failed to open " + request.uri() + ": " + x, x);
            }
        }
    }
}
