package org.jvirt.driver.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainMigrateFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteFeatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration dialogue the remote driver drives, seen from two scripted servers (stand-ins for migration-capable
 * libvirtds, which cannot run here; see {@link ScriptedMigrationServer}): which features are asked of whom, the
 * order of the steps, their arguments and flags, and each cookie handed from one step to the next, as libvirt
 * 9.0's library sequences them (virDomainMigrateVersion3Full, …Version2, virDomainMigrateUnmanagedParams).
 */
class MigrationDialogueTest {
    private static ConnectFactory factory;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private ScriptedMigrationServer src;
    private ScriptedMigrationServer dst;

    @BeforeAll
    static void platform() {
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        if (src != null) {
            src.close();
        }
        if (dst != null) {
            dst.close();
        }
    }

    private void servers(Set<Integer> srcFeatures, Set<Integer> dstFeatures) throws Exception {
        src = new ScriptedMigrationServer("src", log, srcFeatures);
        dst = new ScriptedMigrationServer("dst", log, dstFeatures);
    }

    private interface Migrating {
        Object run(Domain d, Connect dconn);
    }

    /** Opens both ends, looks the domain up, clears the log and migrates: the migration's result. */
    private Object migrate(Migrating m) {
        try (Connect s = factory.open(src.uri()); Connect d = factory.open(dst.uri())) {
            Domain dom = s.domainLookupByName("test");
            log.clear();
            Object result = m.run(dom, d);
            return result instanceof Domain r ? r.getName() + "#" + r.getID() : result;
        }
    }

    private static Set<DomainMigrateFlag> flags(DomainMigrateFlag... f) {
        EnumSet<DomainMigrateFlag> s = EnumSet.noneOf(DomainMigrateFlag.class);
        Collections.addAll(s, f);
        return s;
    }

    @Test
    void version3PassesEachCookieToTheNextStepAndProtectsTheSource() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_V3, RemoteFeatures.MIGRATE_CHANGE_PROTECTION),
                Set.of(RemoteFeatures.MIGRATION_V3));
        Object ddom = migrate((d, dconn) -> d.migrate(dconn,
                flags(DomainMigrateFlag.LIVE, DomainMigrateFlag.ABORT_ON_ERROR), null, null, 0));
        assertThat(ddom).isEqualTo("test#7");
        // LIVE|ABORT_ON_ERROR|CHANGE_PROTECTION = 4353 for the source; the destination hears LIVE only
        assertThat(log).containsExactly("src FEATURE 6", "dst FEATURE 6", "src FEATURE 7",
                "src BEGIN3 xmlin=null flags=4353 dname=null resource=0",
                "src GET_INFO",
                "dst PREPARE3 cookie=src-begin uri=null flags=1 dname=null resource=0 xml=XML",
                "src PERFORM3 xmlin=null cookie=dst-prepare dconnuri=null uri=tcp://dest:49152 flags=4353 dname=null"
                        + " resource=0",
                "dst FINISH3 dname=test cookie=src-perform dconnuri=null uri=tcp://dest:49152 flags=1 cancelled=0",
                "src CONFIRM3 cookie=dst-finish flags=4353 cancelled=0");
    }

    @Test
    void version3CarriesNameXmlUriAndBandwidthAndKeepsAPausedDomainPaused() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_V3), Set.of(RemoteFeatures.MIGRATION_V3));
        src.state(3);
        Object ddom = migrate((d, dconn) -> d.migrate2(dconn, "<domain>new</domain>", flags(DomainMigrateFlag.LIVE),
                "renamed", "tcp://given", 30));
        assertThat(ddom).isEqualTo("renamed#7");
        assertThat(log).containsExactly("src FEATURE 6", "dst FEATURE 6", "src FEATURE 7",
                "src BEGIN3 xmlin=<domain>new</domain> flags=1 dname=renamed resource=30",
                "src GET_INFO",
                "dst PREPARE3 cookie=src-begin uri=tcp://given flags=33 dname=renamed resource=30 xml=XML",
                "src PERFORM3 xmlin=null cookie=dst-prepare dconnuri=null uri=tcp://dest:49152 flags=33"
                        + " dname=renamed resource=30",
                "dst FINISH3 dname=renamed cookie=src-perform dconnuri=null uri=tcp://dest:49152 flags=33 cancelled=0",
                "src CONFIRM3 cookie=dst-finish flags=33 cancelled=0");
    }

    @Test
    void version3WithParametersAddsTheXmlTheUriAndTheName() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_PARAMS, RemoteFeatures.MIGRATE_CHANGE_PROTECTION),
                Set.of(RemoteFeatures.MIGRATION_PARAMS));
        TypedParameters params = TypedParameters.builder().addULLong("bandwidth", 100)
                .addString("listen_address", "0.0.0.0").build();
        Object ddom = migrate((d, dconn) -> d.migrate3(dconn, params, flags(DomainMigrateFlag.LIVE)));
        assertThat(ddom).isEqualTo("test#7");
        String all = "[bandwidth=100,listen_address=0.0.0.0,destination_xml=XML,migrate_uri=tcp://dest:49152";
        assertThat(log).containsExactly("src FEATURE 13", "dst FEATURE 13", "src FEATURE 7",
                "src BEGIN3_PARAMS [bandwidth=100,listen_address=0.0.0.0] flags=257",
                "src GET_STATE",
                "dst PREPARE3_PARAMS [bandwidth=100,listen_address=0.0.0.0,destination_xml=XML] cookie=src-begin"
                        + " flags=1",
                "src PERFORM3_PARAMS dconnuri=null " + all + "] cookie=dst-prepare flags=257",
                "dst FINISH3_PARAMS " + all + ",destination_name=test] cookie=src-perform flags=1 cancelled=0",
                "src CONFIRM3_PARAMS " + all + ",destination_name=test] cookie=dst-finish flags=257 cancelled=0");
    }

    @Test
    void aFailedPerformCancelsOnTheDestinationAndReportsTheSourcesError() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_V3), Set.of(RemoteFeatures.MIGRATION_V3));
        src.fail("PERFORM3");
        assertThatThrownBy(() -> migrate((d, dconn) -> d.migrate(dconn, flags(DomainMigrateFlag.LIVE), null, null,
                0))).isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
                    assertThat(e.domain()).isEqualTo(ErrorDomain.QEMU);
                    assertThat(e.getMessage()).contains("PERFORM3 went wrong on src");
                });
        // no Confirm: the source has already resumed the domain
        assertThat(log).containsExactly("src FEATURE 6", "dst FEATURE 6", "src FEATURE 7",
                "src BEGIN3 xmlin=null flags=1 dname=null resource=0",
                "src GET_INFO",
                "dst PREPARE3 cookie=src-begin uri=null flags=1 dname=null resource=0 xml=XML",
                "src PERFORM3 xmlin=null cookie=dst-prepare dconnuri=null uri=tcp://dest:49152 flags=1 dname=null"
                        + " resource=0",
                "dst FINISH3 dname=test cookie=- dconnuri=null uri=tcp://dest:49152 flags=1 cancelled=1");
    }

    @Test
    void aFailedPrepareEndsTheSourcesJobOnlyWhenItWasProtected() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_V3, RemoteFeatures.MIGRATE_CHANGE_PROTECTION),
                Set.of(RemoteFeatures.MIGRATION_V3));
        dst.fail("PREPARE3");
        assertThatThrownBy(() -> migrate((d, dconn) -> d.migrate(dconn, flags(DomainMigrateFlag.LIVE), null, null,
                0))).isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.getMessage()).contains("PREPARE3 went wrong on dst"));
        assertThat(log).endsWith("dst PREPARE3 cookie=src-begin uri=null flags=1 dname=null resource=0 xml=XML",
                "src CONFIRM3 cookie=- flags=257 cancelled=1");
        stop();
        log.clear();
        servers(Set.of(RemoteFeatures.MIGRATION_V3), Set.of(RemoteFeatures.MIGRATION_V3));
        dst.fail("PREPARE3");
        assertThatThrownBy(() -> migrate((d, dconn) -> d.migrate(dconn, flags(DomainMigrateFlag.LIVE), null, null,
                0))).isInstanceOf(VirtException.class);
        assertThat(log).last().isEqualTo("dst PREPARE3 cookie=src-begin uri=null flags=1 dname=null resource=0"
                + " xml=XML");
    }

    @Test
    void offlineMigrationSkipsPerform() throws Exception {
        Set<Integer> both = Set.of(RemoteFeatures.MIGRATION_V3, RemoteFeatures.MIGRATION_OFFLINE);
        servers(both, both);
        assertThat(migrate((d, dconn) -> d.migrate(dconn, flags(DomainMigrateFlag.OFFLINE), null, null, 0)))
                .isEqualTo("test#7");
        assertThat(log).containsExactly("src FEATURE 12", "dst FEATURE 12", "src FEATURE 6", "dst FEATURE 6",
                "src FEATURE 7", "src BEGIN3 xmlin=null flags=1024 dname=null resource=0", "src GET_INFO",
                "dst PREPARE3 cookie=src-begin uri=null flags=1024 dname=null resource=0 xml=XML",
                "dst FINISH3 dname=test cookie=- dconnuri=null uri=tcp://dest:49152 flags=1024 cancelled=0",
                "src CONFIRM3 cookie=dst-finish flags=1024 cancelled=0");
    }

    @Test
    void version2WhenNeitherEndSpeaksVersion3() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_V2, RemoteFeatures.XML_MIGRATABLE),
                Set.of(RemoteFeatures.MIGRATION_V2));
        assertThat(migrate((d, dconn) -> d.migrate(dconn, flags(DomainMigrateFlag.LIVE), null, null, 0)))
                .isEqualTo("test#7");
        assertThat(log).containsExactly("src FEATURE 6", "src FEATURE 3", "dst FEATURE 3", "src FEATURE 11",
                "src GET_XML_DESC flags=8", "src GET_INFO",
                "dst PREPARE2 uri=null flags=1 dname=null xml=XML",
                "src PERFORM cookie=dst-prepare uri=tcp://dest:49152 flags=1 dname=null resource=0",
                "dst FINISH2 dname=test cookie=dst-prepare uri=tcp://dest:49152 flags=1 retcode=0");
    }

    @Test
    void peerToPeerIsOnePerformOnTheSourceThenALookupOnTheDestination() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_P2P, RemoteFeatures.MIGRATION_PARAMS), Set.of());
        assertThat(migrate((d, dconn) -> d.migrate(dconn, flags(DomainMigrateFlag.PEER2PEER), null, null, 0)))
                .isEqualTo("test#7");
        assertThat(log).containsExactly("src FEATURE 4", "src FEATURE 13",
                "src PERFORM3_PARAMS dconnuri=" + dst.uri() + " [bandwidth=0] cookie=- flags=2", "dst LOOKUP test");
    }

    @Test
    void migrateToUriPeerToPeerUsesTheNewestPerformTheSourceHas() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_P2P, RemoteFeatures.MIGRATION_PARAMS), Set.of());
        migrate((d, dconn) -> {
            d.migrateToURI3("qemu+tcp://desthost/system", TypedParameters.builder().addULLong("bandwidth", 5)
                    .build(), flags(DomainMigrateFlag.PEER2PEER, DomainMigrateFlag.LIVE));
            return null;
        });
        assertThat(log).containsExactly("src FEATURE 4", "src FEATURE 13",
                "src PERFORM3_PARAMS dconnuri=qemu+tcp://desthost/system [bandwidth=5] cookie=- flags=3");
        stop();
        log.clear();
        servers(Set.of(RemoteFeatures.MIGRATION_P2P, RemoteFeatures.MIGRATION_V3), Set.of());
        migrate((d, dconn) -> {
            d.migrateToURI("qemu+tcp://desthost/system", flags(DomainMigrateFlag.PEER2PEER), "renamed", 9);
            return null;
        });
        assertThat(log).containsExactly("src FEATURE 4", "src FEATURE 13", "src FEATURE 6",
                "src PERFORM3 xmlin=null cookie=- dconnuri=qemu+tcp://desthost/system uri=null flags=2"
                        + " dname=renamed resource=9");
    }

    @Test
    void peerToPeerToThisVeryHostIsRefusedUnlessToAUnixSocket() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_P2P, RemoteFeatures.MIGRATION_PARAMS), Set.of());
        for (String local : List.of("qemu:///system", "qemu+tcp://localhost/system", "qemu+unix:///system")) {
            assertThatThrownBy(() -> migrate((d, dconn) -> {
                d.migrateToURI(local, flags(DomainMigrateFlag.PEER2PEER), null, 0);
                return null;
            })).isInstanceOfSatisfying(VirtException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG);
                assertThat(e.getMessage()).isEqualTo("Attempt to migrate guest to the same host");
            });
            assertThat(log).as(local).containsExactly("src FEATURE 4");
        }
        migrate((d, dconn) -> {
            d.migrateToURI("qemu+unix:///system?socket=/run/other.sock", flags(DomainMigrateFlag.PEER2PEER), null, 0);
            return null;
        });
        assertThat(log).last().asString().startsWith("src PERFORM3_PARAMS dconnuri=qemu+unix:///system?socket=");
    }

    @Test
    void aDestinationThatIsNotRemoteSupportsNoMigration() throws Exception {
        servers(Set.of(RemoteFeatures.MIGRATION_V3), Set.of());
        try (Connect s = factory.open(src.uri()); Connect local = factory.open("test:///default")) {
            Domain dom = s.domainLookupByName("test");
            log.clear();
            assertThatThrownBy(() -> dom.migrate(local, flags(), null, null, 0))
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NO_SUPPORT);
                        assertThat(e.getMessage()).isEqualTo(
                                "this function is not supported by the connection driver: virDomainMigrate");
                    });
        }
        assertThat(log).containsExactly("src FEATURE 6", "src FEATURE 3", "src FEATURE 1");
    }
}
