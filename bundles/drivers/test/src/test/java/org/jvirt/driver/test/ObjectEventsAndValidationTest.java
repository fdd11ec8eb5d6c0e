package org.jvirt.driver.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainSnapshotCreateFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.InterfaceDefineFlag;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkDefineFlag;
import org.jvirt.api.StoragePoolDefineFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.NetworkLifecycleEvent;
import org.jvirt.api.event.NetworkLifecycleType;
import org.jvirt.api.event.ObjectEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the call scripts cannot show: events reach every connection of test:///default, each with its own handles,
 * and the VALIDATE flags check documents against libvirt's schemas.
 */
class ObjectEventsAndValidationTest {
    private final TestHypervisorDriver driver = new TestHypervisorDriver();

    @AfterEach
    void forgetSchemas() {
        System.clearProperty("jvirt.schemas");
    }

    private Connect open(List<ObjectEvent> events) {
        EventSink sink = new EventSink() {
            @Override
            public void event(ObjectEvent event) {
                events.add(event);
            }

            @Override
            public void domainEvent(DomainEvent event) {
            }

            @Override
            public void connectionClosed(CloseReason reason) {
            }
        };
        return driver.open(new ConnectRequest(URI.create("test:///default"), Set.of(), null, sink)).orElseThrow();
    }

    @Test
    void everyConnectionOfTheDefaultHostHearsOfAChangeWithItsOwnHandle() {
        List<ObjectEvent> first = new ArrayList<>();
        List<ObjectEvent> second = new ArrayList<>();
        Connect a = open(first);
        Connect b = open(second);

        Network net = a.networkLookupByName("default");
        net.destroy();

        assertThat(first).singleElement().isInstanceOfSatisfying(NetworkLifecycleEvent.class, e -> {
            assertThat(e.type()).isEqualTo(NetworkLifecycleType.STOPPED);
            assertThat(e.network().getConnect()).isSameAs(a);
        });
        assertThat(second).singleElement().isInstanceOfSatisfying(NetworkLifecycleEvent.class, e -> {
            assertThat(e.network().getConnect()).isSameAs(b);
            assertThat(e.network()).isEqualTo(b.networkLookupByName("default"));
        });
        // the other connection sees the change itself too
        assertThat(b.networkLookupByName("default").isActive()).isFalse();

        b.close();
        net.create();
        assertThat(second).as("a closed connection hears nothing more").hasSize(1);
        assertThat(first).hasSize(2);
        a.close();
    }

    @Test
    void validateChecksTheDocumentAgainstLibvirtsSchema() {
        Path schemas = Path.of(System.getProperty("jvirt.shared", "../shared"), "libvirt-tests", "schemas");
        Assumptions.assumeTrue(Files.isDirectory(schemas), "libvirt's schemas are not in " + schemas);
        System.setProperty("jvirt.schemas", schemas.toString());
        Connect c = open(new ArrayList<>());
        String bad = "<network><name>x</name><bogus/></network>";

        assertThatThrownBy(() -> c.networkDefineXML(bad, Set.of(NetworkDefineFlag.VALIDATE)))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA);
                    assertThat(e.getMessage()).startsWith("XML document failed to validate against schema: "
                            + "Unable to validate doc against ").contains("network.rng");
                });
        assertThat(c.listDefinedNetworks()).as("bad input changes nothing").isEmpty();
        // without the flag the same document is taken, as libvirt takes it
        assertThat(c.networkDefineXML(bad, Set.of()).getName()).isEqualTo("x");

        assertThatThrownBy(() -> c.storagePoolDefineXML("<pool type='dir'><name>p</name><bogus/><target>"
                + "<path>/p</path></target></pool>", Set.of(StoragePoolDefineFlag.VALIDATE)))
                .isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
        assertThatThrownBy(() -> c.interfaceDefineXML("<interface type='ethernet' name='e'><bogus/></interface>",
                Set.of(InterfaceDefineFlag.VALIDATE))).isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
        assertThat(c.storagePoolDefineXML("<pool type='dir'><name>p</name><target><path>/p</path></target></pool>",
                Set.of(StoragePoolDefineFlag.VALIDATE)).getName()).isEqualTo("p");

        // domains: define and create with their VALIDATE flags, as virsh's define/create --validate
        String domain = c.domainLookupByName("test").getXMLDesc(Set.of()).replace("<name>test</name>",
                "<name>v</name>").replaceFirst("<uuid>[^<]*</uuid>", "");
        String stray = domain.replace("<memory", "<jvirtStray/><memory");
        assertThatThrownBy(() -> c.domainDefineXML(stray, Set.of(DomainDefineFlag.VALIDATE)))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA);
                    assertThat(e.getMessage()).contains("domain.rng").contains("jvirtStray");
                });
        assertThatThrownBy(() -> c.domainCreateXML(stray, Set.of(DomainCreateFlag.START_VALIDATE)))
                .isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
        assertThat(c.listAllDomains(Set.of())).as("bad input changes nothing").hasSize(1);
        assertThat(c.domainDefineXML(domain, Set.of(DomainDefineFlag.VALIDATE)).getName()).isEqualTo("v");
        assertThat(c.domainDefineXML(stray.replace("<name>v</name>", "<name>w</name>"), Set.of())
                .getXMLDesc(Set.of())).as("without the flag: dropped")
                .doesNotContain("jvirtStray");

        // snapshots: VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE checks against domainsnapshot.rng
        Domain test = c.domainLookupByName("test");
        assertThatThrownBy(() -> test.snapshotCreateXML("<domainsnapshot><name>s</name><bogus/></domainsnapshot>",
                Set.of(DomainSnapshotCreateFlag.VALIDATE))).isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
        assertThat(test.snapshotNum(Set.of())).isZero();
        assertThat(test.snapshotCreateXML("<domainsnapshot><name>s</name></domainsnapshot>",
                Set.of(DomainSnapshotCreateFlag.VALIDATE)).getName()).isEqualTo("s");
        c.close();
    }
}
