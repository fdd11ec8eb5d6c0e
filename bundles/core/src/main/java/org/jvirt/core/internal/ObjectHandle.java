package org.jvirt.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jvirt.api.Connect;

/**
 * The handler behind a handle the platform gives out for a driver's object (a domain, network, volume, snapshot,
 * stream, …): every call goes through its connection's checks; equality is by the object's identity (UUID, name,
 * key, …) within the connection, whatever the driver's own equals says.
 */
final class ObjectHandle implements InvocationHandler {
    private final OpenConnection connection;
    private final Object target;
    private final ApiKinds.Kind kind;
    private volatile List<Object> identity;

    ObjectHandle(OpenConnection connection, Object target, ApiKinds.Kind kind) {
        this.connection = connection;
        this.target = target;
        this.kind = kind;
    }

    Object target() {
        return target;
    }

    OpenConnection connection() {
        return connection;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
                        && Proxy.getInvocationHandler(args[0]) instanceof ObjectHandle other
                        && other.connection == connection && other.kind == kind
                        && other.identity().equals(identity());
                case "hashCode" -> identity().hashCode();
                case "toString" -> target.toString();
                default -> throw new IllegalStateException(method.toString());
            };
        }
        Function<Object, Object> field = HandleFields.getter(method);
        if (field != null) {
            return field(method, field);
        }
        Invocations.MethodFacts facts = Invocations.facts(method);
        if (connection.isClosed()) {
            throw Invocations.closed(facts);
        }
        ArgChecks.checkBeforeReadOnly(self, method, args, facts);
        connection.check(facts, args);
        ArgChecks.check(self, method, args, facts);
        if (method.getReturnType() == Connect.class && method.getParameterCount() == 0) {
            return connection.proxy();
        }
        return owner(args).wrap(Invocations.call(target, self, method, args, OpenConnection.unwrapAll(args), facts,
                connection.uri()));
    }

    /**
     * The connection whose handles the call's result becomes: the one passed in, when a call is given another
     * connection (a migration returns the domain as the destination has it), otherwise this handle's.
     */
    private OpenConnection owner(Object[] args) {
        if (args != null) {
            for (Object a : args) {
                if (a instanceof Connect && Proxy.isProxyClass(a.getClass())
                        && Proxy.getInvocationHandler(a) instanceof OpenConnection other) {
                    return other;
                }
            }
        }
        return connection;
    }

    /** A name, UUID, id, … libvirt reads from the handle: asked of the driver's object with no further checks. */
    private Object field(Method method, Function<Object, Object> field) {
        if (connection.isClosed()) {
            throw Invocations.closed(Invocations.facts(method));
        }
        try {
            return field.apply(target);
        } catch (RuntimeException e) {
            throw Invocations.translate(e, Invocations.facts(method), connection.uri());
        }
    }

    /** The values of the kind's identifying getters, asked of the driver once; the object itself if they fail. */
    private List<Object> identity() {
        List<Object> id = identity;
        if (id == null) {
            id = new ArrayList<>();
            try {
                for (String getter : kind.identity()) {
                    Method m = kind.type().getMethod(getter);
                    Object v = m.invoke(target);
                    id.add(v != null && ApiKinds.kindOf(v) != null ? connection.wrap(v) : v);
                }
                if (kind.identity().isEmpty()) {
                    id.add(new Identity(target));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                id = new ArrayList<>(List.of(new Identity(target)));
            }
            identity = id = List.copyOf(id);
        }
        return id;
    }

    /** Compares by reference: for objects without a name of their own (streams), or whose getters fail. */
    private record Identity(Object object) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }
}
