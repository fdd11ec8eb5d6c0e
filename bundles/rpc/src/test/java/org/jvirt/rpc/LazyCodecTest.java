package org.jvirt.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.junit.jupiter.api.Test;

/**
 * Loading a protocol builds no codec: each message's codec is built when the message is first used. Checked in a
 * class loader of its own, so that what other tests of this JVM built does not count.
 */
class LazyCodecTest {

    @Test
    void programLoadsWithoutBuildingCodecsAndAMessageBuildsOnlyItsOwn() throws Exception {
        URL rpc = RemoteProtocol.class.getProtectionDomain().getCodeSource().getLocation();
        URL api = VirtException.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {rpc, api}, ClassLoader.getPlatformClassLoader())) {
            Class<?> remote = Class.forName(RemoteProtocol.class.getName(), true, fresh);
            Class<?> xdr = Class.forName("org.jvirt.rpc.xdr.Xdr", true, fresh);
            Class<?> xdrType = Class.forName("org.jvirt.rpc.xdr.XdrType", true, fresh);
            Method isBuilt = xdr.getMethod("isBuilt", xdrType);
            Object program = remote.getField("PROGRAM").get(null);
            List<?> procedures = (List<?>) program.getClass().getMethod("procedures").invoke(program);
            assertThat(procedures).hasSize(443);
            Class<?> procedureClass = Class.forName(Procedure.class.getName(), true, fresh);
            Method args = procedureClass.getMethod("args");
            Method ret = procedureClass.getMethod("ret");
            Object voidType = xdr.getField("VOID").get(null);
            int messages = 0;
            for (Object p : procedures) {
                for (Method m : List.of(args, ret)) {
                    Object type = m.invoke(p);
                    if (type != voidType) {
                        assertThat((boolean) isBuilt.invoke(null, type)).as("%s of %s", m.getName(), p).isFalse();
                        messages++;
                    }
                }
            }
            assertThat(messages).isGreaterThan(600);
            // the message records are not even loaded
            assertThat(loaded(fresh, RemoteProtocol.DomainLookupByNameArgs.class.getName())).isFalse();

            Object lookup = remote.getField("DOMAIN_LOOKUP_BY_NAME").get(null);
            Object argsType = args.invoke(lookup);
            assertThat(xdrType.getMethod("describe").invoke(argsType)).asString()
                    .contains("DomainLookupByNameArgs");
            assertThat((boolean) isBuilt.invoke(null, argsType)).isTrue();
            assertThat((boolean) isBuilt.invoke(null, ret.invoke(lookup))).isFalse();
            Object other = remote.getField("DOMAIN_GET_INFO").get(null);
            assertThat((boolean) isBuilt.invoke(null, args.invoke(other))).isFalse();
        }
    }

    private static boolean loaded(ClassLoader loader, String name) throws Exception {
        Method find = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
        try {
            find.setAccessible(true);
        } catch (RuntimeException e) {
            return false;
        }
        return find.invoke(loader, name) != null;
    }
}
