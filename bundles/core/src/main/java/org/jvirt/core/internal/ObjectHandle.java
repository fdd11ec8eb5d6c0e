package org.jvirt.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.jvirt.api.Connect;

/** The handler behind a handle the driver returned (a domain): every call goes through its connection's checks. */
final class ObjectHandle implements InvocationHandler {
    private final OpenConnection connection;
    private final Object target;

    ObjectHandle(OpenConnection connection, Object target) {
        this.connection = connection;
        this.target = target;
    }

    Object target() {
        return target;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
                        && Proxy.getInvocationHandler(args[0]) instanceof ObjectHandle other
                        && other.connection == connection && other.target.equals(target);
                case "hashCode" -> target.hashCode();
                case "toString" -> target.toString();
                default -> throw new IllegalStateException(method.toString());
            };
        }
        Invocations.MethodFacts facts = Invocations.facts(method);
        connection.check(facts);
        if (method.getReturnType() == Connect.class && method.getParameterCount() == 0) {
            return connection.proxy();
        }
        return connection.wrap(Invocations.call(target, method, OpenConnection.unwrapAll(args), facts,
                connection.uri()));
    }
}
