package org.jvirt.rpc.xdr;

import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * A message type named, not yet built: the nested record (or union interface) {@code name} of the lookup's class,
 * whose static {@code XDR} field is read on first use. A protocol's procedures refer to their messages this way, so
 * that loading the protocol builds no codec and loads no message class; each message pays for its own codec (and
 * those of the types it contains) the first time it is encoded or decoded.
 */
final class LazyType<T> implements XdrType<T> {
    private final MethodHandles.Lookup lookup;
    private final String name;
    private volatile XdrType<T> resolved;

    LazyType(MethodHandles.Lookup lookup, String name) {
        this.lookup = lookup;
        this.name = name;
    }

    /** The built type; the first caller builds it (class initialisation makes concurrent first uses wait). */
    @SuppressWarnings("unchecked")
    XdrType<T> get() {
        XdrType<T> r = resolved;
        if (r == null) {
            try {
                Class<?> type = lookup.findClass(lookup.lookupClass().getName() + "$" + name);
                r = (XdrType<T>) lookup.findStaticGetter(type, "XDR", XdrType.class).invoke();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("no XDR type " + name + " in " + lookup.lookupClass().getName(), t);
            }
            resolved = r;
        }
        return r;
    }

    /** Whether the codec has been built (for tests of laziness). */
    boolean isResolved() {
        return resolved != null;
    }

    @Override
    public void write(XdrWriter out, T value) {
        get().write(out, value);
    }

    @Override
    public T read(XdrReader in) {
        return get().read(in);
    }

    @Override
    public int minSize() {
        return get().minSize();
    }

    @Override
    public Class<?> javaType() {
        return get().javaType();
    }

    @Override
    public String describe() {
        return get().describe();
    }

    @Override
    public Kind kind() {
        return get().kind();
    }

    @Override
    public XdrType<?> element() {
        return get().element();
    }

    @Override
    public long bound() {
        return get().bound();
    }

    @Override
    public List<XdrType<?>> fields() {
        return get().fields();
    }

    @Override
    public int[] values() {
        return get().values();
    }

    @Override
    public XdrType<?> arm(int discriminant) {
        return get().arm(discriminant);
    }

    @Override
    public String toString() {
        return resolved != null ? resolved.toString() : name + " (not built yet)";
    }
}
