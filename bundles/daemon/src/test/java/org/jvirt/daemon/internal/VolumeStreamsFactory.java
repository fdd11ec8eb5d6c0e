package org.jvirt.daemon.internal;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.Stream;
import org.jvirt.api.StreamRecvFlag;
import org.jvirt.api.VirtException;

/**
 * The real factory with volumes whose data lives in memory and moves by stream: libvirt's test driver (and jvirt's)
 * has no volume upload or download, so the daemon's stream relays are exercised against this. A volume's bytes are
 * kept by volume key in {@link #data}, where a test can read what an upload wrote.
 */
final class VolumeStreamsFactory implements ConnectFactory {
    private final ConnectFactory real;
    /** Each volume's bytes, by its key. */
    final Map<String, byte[]> data = new ConcurrentHashMap<>();

    VolumeStreamsFactory(ConnectFactory real) {
        this.real = real;
    }

    @Override
    public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
        Connect c = real.open(uri, flags, auth);
        return proxy(Connect.class, c, (m, args) -> {
            if (m.getName().equals("newStream")) {
                return new MemoryStream(c);
            }
            return NOT_HANDLED;
        });
    }

    private static final Object NOT_HANDLED = new Object();

    private interface Intercept {
        Object call(Method m, Object[] args);
    }

    /** {@code target} seen through {@code type}, with pools and volumes it returns wrapped in turn. */
    private <T> T proxy(Class<T> type, T target, Intercept intercept) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            Object mine = intercept.call(m, args);
            if (mine != NOT_HANDLED) {
                return mine;
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof StoragePool pool) {
                return proxy(StoragePool.class, pool, (m2, a2) -> NOT_HANDLED);
            }
            if (result instanceof StorageVol vol) {
                return proxy(StorageVol.class, vol, (m2, a2) -> volumeCall(vol, m2, a2));
            }
            return result;
        }));
    }

    private Object volumeCall(StorageVol vol, Method m, Object[] args) {
        String key = vol.getKey();
        return switch (m.getName()) {
            case "upload" -> {
                MemoryStream s = (MemoryStream) args[0];
                long offset = (Long) args[1];
                s.onFinish = bytes -> {
                    byte[] old = data.getOrDefault(key, new byte[0]);
                    byte[] now = Arrays.copyOf(old, (int) Math.max(old.length, offset + bytes.length));
                    System.arraycopy(bytes, 0, now, (int) offset, bytes.length);
                    data.put(key, now);
                };
                yield null;
            }
            case "download" -> {
                MemoryStream s = (MemoryStream) args[0];
                byte[] all = data.getOrDefault(key, new byte[0]);
                int from = (int) Math.min(all.length, (Long) args[1]);
                long length = (Long) args[2];
                int to = length == 0 ? all.length : (int) Math.min(all.length, from + length);
                s.source = Arrays.copyOfRange(all, from, to);
                yield null;
            }
            default -> NOT_HANDLED;
        };
    }

    /** A blocking stream over memory: what is sent collects until finish; what is received comes from a source. */
    private static final class MemoryStream implements Stream {
        private final Connect conn;
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        volatile java.util.function.Consumer<byte[]> onFinish;
        volatile byte[] source;
        private int read;

        MemoryStream(Connect conn) {
            this.conn = conn;
        }

        @Override
        public Connect getConnect() {
            return conn;
        }

        @Override
        public synchronized int send(byte[] bytes, int off, int len) {
            sent.write(bytes, off, len);
            return len;
        }

        @Override
        public synchronized int recv(byte[] buf, int off, int len) {
            if (source == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS, "nothing to receive");
            }
            int n = Math.min(len, source.length - read);
            System.arraycopy(source, read, buf, off, n);
            read += n;
            return n;
        }

        @Override
        public int recv(byte[] buf, int off, int len, Set<StreamRecvFlag> flags) {
            return recv(buf, off, len);
        }

        @Override
        public synchronized void finish() {
            if (onFinish != null) {
                onFinish.accept(sent.toByteArray());
            }
        }

        @Override
        public void abort() {
            sent.reset();
        }
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
