package org.jvirt.driver.remote;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainMigrateFlag;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;

/**
 * The six migration calls with flags and arguments that reach each of libvirt's checks and feature probes, each
 * written twice: for python-libvirt (what libvirt's own client answers) and for jvirt's API over the remote driver.
 * Against a server whose driver cannot migrate (libvirtd's test driver, jvirt's daemon), every case is an error;
 * a case's answer is "name|code|domain|message".
 */
public final class MigrationCases {
    private MigrationCases() {
    }

    /** What a case works on: the domain 'test' on the source, a second connection, a read-only one. */
    public record Env(Domain d, Connect dconn, Connect readOnly, Domain readOnlyDomain) {
    }

    private record Case(String name, String python, Function<Env, Object> java) {
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(String name, String python, Function<Env, Object> java) {
        CASES.add(new Case(name, python, java));
    }

    private static Set<DomainMigrateFlag> f(DomainMigrateFlag... flags) {
        EnumSet<DomainMigrateFlag> s = EnumSet.noneOf(DomainMigrateFlag.class);
        s.addAll(List.of(flags));
        return s;
    }

    private static final DomainMigrateFlag P2P = DomainMigrateFlag.PEER2PEER;
    private static final DomainMigrateFlag OFFLINE = DomainMigrateFlag.OFFLINE;

    static {
        add("migrate", "d.migrate(dconn, 0, None, None, 0)", e -> e.d().migrate(e.dconn(), f(), null, null, 0));
        add("migrate-p2p", "d.migrate(dconn, 2, None, None, 0)", e -> e.d().migrate(e.dconn(), f(P2P), null, null, 0));
        add("migrate-p2p-uri", "d.migrate(dconn, 2, 'x', 'test+tcp://h/default', 5)",
                e -> e.d().migrate(e.dconn(), f(P2P), "x", "test+tcp://h/default", 5));
        add("migrate-offline", "d.migrate(dconn, 1024, None, None, 0)",
                e -> e.d().migrate(e.dconn(), f(OFFLINE), null, null, 0));
        add("migrate-change-protection", "d.migrate(dconn, 256, None, None, 0)",
                e -> e.d().migrate(e.dconn(), f(DomainMigrateFlag.CHANGE_PROTECTION), null, null, 0));
        add("migrate-tunnelled", "d.migrate(dconn, 4, None, None, 0)",
                e -> e.d().migrate(e.dconn(), f(DomainMigrateFlag.TUNNELLED), null, null, 0));
        add("migrate-live", "d.migrate(dconn, 1, 'other', 'tcp://h', 10)",
                e -> e.d().migrate(e.dconn(), f(DomainMigrateFlag.LIVE), "other", "tcp://h", 10));
        add("migrate-dconn-read-only", "d.migrate(ro, 0, None, None, 0)",
                e -> e.d().migrate(e.readOnly(), f(), null, null, 0));
        add("migrate-source-read-only", "rod.migrate(dconn, 0, None, None, 0)",
                e -> e.readOnlyDomain().migrate(e.dconn(), f(), null, null, 0));
        add("migrate2", "d.migrate2(dconn, None, 0, None, None, 0)",
                e -> e.d().migrate2(e.dconn(), null, f(), null, null, 0));
        add("migrate2-xml", "d.migrate2(dconn, '<domain/>', 0, None, None, 0)",
                e -> e.d().migrate2(e.dconn(), "<domain/>", f(), null, null, 0));
        add("migrate2-p2p", "d.migrate2(dconn, None, 2, None, 'tcp://h', 0)",
                e -> e.d().migrate2(e.dconn(), null, f(P2P), null, "tcp://h", 0));
        add("migrate2-offline", "d.migrate2(dconn, None, 1024, None, None, 0)",
                e -> e.d().migrate2(e.dconn(), null, f(OFFLINE), null, null, 0));
        add("migrate3", "d.migrate3(dconn, {}, 0)", e -> e.d().migrate3(e.dconn(), TypedParameters.empty(), f()));
        add("migrate3-compatible", "d.migrate3(dconn, {'migrate_uri': 'tcp://h', 'destination_name': 'n'}, 0)",
                e -> e.d().migrate3(e.dconn(), TypedParameters.builder().addString("migrate_uri", "tcp://h")
                        .addString("destination_name", "n").build(), f()));
        add("migrate3-extended", "d.migrate3(dconn, {'listen_address': '0.0.0.0'}, 0)",
                e -> e.d().migrate3(e.dconn(), TypedParameters.builder().addString("listen_address", "0.0.0.0")
                        .build(), f()));
        add("migrate3-p2p", "d.migrate3(dconn, {}, 2)", e -> e.d().migrate3(e.dconn(), TypedParameters.empty(),
                f(P2P)));
        add("migrate3-offline", "d.migrate3(dconn, {}, 1024)",
                e -> e.d().migrate3(e.dconn(), TypedParameters.empty(), f(OFFLINE)));
        add("migrate3-change-protection", "d.migrate3(dconn, {}, 256)",
                e -> e.d().migrate3(e.dconn(), TypedParameters.empty(), f(DomainMigrateFlag.CHANGE_PROTECTION)));
        add("migrate3-dconn-read-only", "d.migrate3(ro, {}, 0)",
                e -> e.d().migrate3(e.readOnly(), TypedParameters.empty(), f()));
        add("toURI", "d.migrateToURI('tcp://h', 0, None, 0)", e -> {
            e.d().migrateToURI("tcp://h", f(), null, 0);
            return null;
        });
        add("toURI-p2p", "d.migrateToURI('test+tcp://h/default', 2, 'n', 7)", e -> {
            e.d().migrateToURI("test+tcp://h/default", f(P2P), "n", 7);
            return null;
        });
        add("toURI-p2p-same-host", "d.migrateToURI('test:///default', 2, None, 0)", e -> {
            e.d().migrateToURI("test:///default", f(P2P), null, 0);
            return null;
        });
        add("toURI-offline", "d.migrateToURI('tcp://h', 1024, None, 0)", e -> {
            e.d().migrateToURI("tcp://h", f(OFFLINE), null, 0);
            return null;
        });
        add("toURI-source-read-only", "rod.migrateToURI('tcp://h', 0, None, 0)", e -> {
            e.readOnlyDomain().migrateToURI("tcp://h", f(), null, 0);
            return null;
        });
        add("toURI2", "d.migrateToURI2(None, 'tcp://h', None, 0, None, 0)", e -> {
            e.d().migrateToURI2(null, "tcp://h", null, f(), null, 0);
            return null;
        });
        add("toURI2-p2p", "d.migrateToURI2('test+tcp://h/default', None, '<domain/>', 2, None, 0)", e -> {
            e.d().migrateToURI2("test+tcp://h/default", null, "<domain/>", f(P2P), null, 0);
            return null;
        });
        add("toURI2-p2p-no-uri", "d.migrateToURI2(None, None, None, 2, None, 0)", e -> {
            e.d().migrateToURI2(null, null, null, f(P2P), null, 0);
            return null;
        });
        add("toURI3", "d.migrateToURI3(None, {'migrate_uri': 'tcp://h'}, 0)", e -> {
            e.d().migrateToURI3(null, TypedParameters.builder().addString("migrate_uri", "tcp://h").build(), f());
            return null;
        });
        add("toURI3-p2p", "d.migrateToURI3('test+tcp://h/default', {}, 2)", e -> {
            e.d().migrateToURI3("test+tcp://h/default", TypedParameters.empty(), f(P2P));
            return null;
        });
        add("toURI3-offline-p2p", "d.migrateToURI3('test+tcp://h/default', {}, 1026)", e -> {
            e.d().migrateToURI3("test+tcp://h/default", TypedParameters.empty(), f(P2P, OFFLINE));
            return null;
        });
    }

    /** The python-libvirt script printing every case's answer; {@code conn} is open on the source already. */
    public static String pythonScript() {
        StringBuilder b = new StringBuilder("""
                libvirt.registerErrorHandler(lambda *a: None, None)
                d = conn.lookupByName('test')
                dconn = libvirt.open(sys.argv[1])
                ro = libvirt.openReadOnly(sys.argv[1])
                rod = ro.lookupByName('test')
                def case(name, call):
                    try:
                        call()
                        print(name + '|ok')
                    except libvirt.libvirtError as e:
                        print('%s|%d|%d|%s' % (name, e.get_error_code(), e.get_error_domain(), e.get_error_message()))
                """);
        for (Case c : CASES) {
            b.append("case('").append(c.name()).append("', lambda: ").append(c.python()).append(")\n");
        }
        b.append("ro.close()\ndconn.close()\n");
        return b.toString();
    }

    /** Every case's answer through jvirt's API, with {@code uri} the source and the destination. */
    public static String jvirt(ConnectFactory factory, String uri) {
        StringBuilder b = new StringBuilder();
        try (Connect c = factory.open(uri); Connect dconn = factory.open(uri); Connect ro = factory.openReadOnly(uri)) {
            Env env = new Env(c.domainLookupByName("test"), dconn, ro, ro.domainLookupByName("test"));
            for (Case k : CASES) {
                b.append(k.name()).append('|');
                try {
                    k.java().apply(env);
                    b.append("ok");
                } catch (VirtException e) {
                    b.append(e.code().value()).append('|').append(e.domain().value()).append('|')
                            .append(e.getMessage());
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    public static int count() {
        return CASES.size();
    }
}
