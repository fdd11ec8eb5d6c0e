package org.jvirt.driver.test;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainSnapshotDeleteFlag;
import org.jvirt.api.DomainSnapshotListFlag;
import org.jvirt.api.DomainSnapshotXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;

/** A handle naming a snapshot of a test domain; each call finds the domain and the snapshot again. */
final class TestDomainSnapshot implements DomainSnapshot {
    private final TestDomain domain;
    private final String name;

    TestDomainSnapshot(TestDomain domain, String name) {
        this.domain = domain;
        this.name = name;
    }

    @Override
    public Connect getConnect() {
        return domain.getConnect();
    }

    @Override
    public Domain getDomain() {
        return domain;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public DomainSnapshot getParent() {
        return domain.with(o -> {
            String parent = TestSnapshots.find(o, name).parent;
            if (parent == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.TEST,
                        "snapshot '" + name + "' does not have a parent");
            }
            return new TestDomainSnapshot(domain, parent);
        });
    }

    @Override
    public String getXMLDesc(Set<DomainSnapshotXMLFlag> flags) {
        Flags.check("testDomainSnapshotGetXMLDesc", flags, DomainSnapshotXMLFlag.SECURE.value());
        return domain.with(o -> TestSnapshots.xml(o, name));
    }

    @Override
    public boolean isCurrent() {
        return domain.with(o -> TestSnapshots.find(o, name) == o.snapshots.current());
    }

    @Override
    public boolean hasMetadata() {
        return domain.with(o -> TestSnapshots.find(o, name) != null);
    }

    @Override
    public List<DomainSnapshot> listAllChildren(Set<DomainSnapshotListFlag> flags) {
        int bits = Flags.check("testDomainSnapshotListAllChildren", VirFlag.toBits(flags), 0x7ff);
        return domain.with(o -> {
            TestSnapshots.find(o, name);
            return TestSnapshots.list(o, name, bits).stream()
                    .<DomainSnapshot>map(n -> new TestDomainSnapshot(domain, n)).toList();
        });
    }

    @Override
    public void delete(Set<DomainSnapshotDeleteFlag> flags) {
        domain.with(o -> {
            TestSnapshots.delete(o, name, VirFlag.toBits(flags));
            return null;
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestDomainSnapshot s && s.name.equals(name) && s.domain.equals(domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, domain);
    }
}
