package org.jvirt.daemon.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.event.EventSubscription;

/**
 * The real factory, watched: which connections the daemon opened and closed, and how many event subscriptions are
 * alive on them, so a test can see what a client that went away left behind.
 */
final class RecordingFactory implements ConnectFactory {
    private final ConnectFactory real;
    final List<String> opened = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    final AtomicInteger liveSubscriptions = new AtomicInteger();

    RecordingFactory(ConnectFactory real) {
        this.real = real;
    }

    @Override
    public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
        Connect c = real.open(uri, flags, auth);
        String name = uri + "#" + opened.size();
        opened.add(name);
        return (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(), new Class<?>[] {Connect.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        closed.add(name);
                    }
                    Object result;
                    try {
                        result = method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof EventSubscription s) {
                        liveSubscriptions.incrementAndGet();
                        return watched(s);
                    }
                    return result;
                });
    }

    private EventSubscription watched(EventSubscription s) {
        AtomicInteger once = new AtomicInteger();
        return new EventSubscription() {
            @Override
            public int callbackId() {
                return s.callbackId();
            }

            @Override
            public void close() {
                if (once.getAndIncrement() == 0) {
                    liveSubscriptions.decrementAndGet();
                }
                s.close();
            }
        };
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
