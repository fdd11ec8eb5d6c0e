package org.jvirt.driver.qemu;

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

/** A handle naming a snapshot of a QEMU domain; each call finds the domain and the snapshot again. */
final class QemuDomainSnapshot implements DomainSnapshot {
    private final QemuDomain domain;
    private final String name;

    QemuDomainSnapshot(QemuDomain domain, String name) {
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
        return domain.snapshotQuery(o -> {
            String parent = domain.driver().snapshots.find(o, name).parent;
            if (parent == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.QEMU,
                        "snapshot '" + name + "' does not have a parent");
            }
            return new QemuDomainSnapshot(domain, parent);
        });
    }

    @Override
    public String getXMLDesc(Set<DomainSnapshotXMLFlag> flags) {
        QemuConnect.checkFlags("qemuDomainSnapshotGetXMLDesc", flags, DomainSnapshotXMLFlag.SECURE.value());
        return domain.snapshotQuery(o -> domain.driver().snapshots.xml(o, name,
                flags.contains(DomainSnapshotXMLFlag.SECURE)));
    }

    @Override
    public boolean isCurrent() {
        return domain.snapshotQuery(o -> domain.driver().snapshots.find(o, name) == o.snapshots.current());
    }

    @Override
    public boolean hasMetadata() {
        return domain.snapshotQuery(o -> domain.driver().snapshots.find(o, name) != null);
    }

    @Override
    public List<DomainSnapshot> listAllChildren(Set<DomainSnapshotListFlag> flags) {
        QemuConnect.checkFlags("qemuDomainSnapshotListAllChildren", flags, 0x7ff);
        return domain.snapshotQuery(o -> {
            domain.driver().snapshots.find(o, name);
            return SnapshotFilter.list(o.snapshots, name, VirFlag.toBits(flags)).stream()
                    .<DomainSnapshot>map(n -> new QemuDomainSnapshot(domain, n)).toList();
        });
    }

    @Override
    public void delete(Set<DomainSnapshotDeleteFlag> flags) {
        QemuConnect.checkFlags("qemuDomainSnapshotDelete", flags, DomainSnapshotDeleteFlag.CHILDREN.value()
                | DomainSnapshotDeleteFlag.METADATA_ONLY.value() | DomainSnapshotDeleteFlag.CHILDREN_ONLY.value());
        domain.snapshotJob(o -> domain.driver().snapshots.delete(o, name, flags));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QemuDomainSnapshot s && s.name.equals(name) && s.domain.equals(domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, domain);
    }

    @Override
    public String toString() {
        return domain + "/" + name;
    }
}
