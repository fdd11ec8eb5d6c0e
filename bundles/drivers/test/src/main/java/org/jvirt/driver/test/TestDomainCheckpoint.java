package org.jvirt.driver.test;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainCheckpointDeleteFlag;
import org.jvirt.api.DomainCheckpointListFlag;
import org.jvirt.api.DomainCheckpointXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirFlag;
import org.jvirt.api.VirtException;

/** A handle naming a checkpoint of a test domain; each call finds the domain and the checkpoint again. */
final class TestDomainCheckpoint implements DomainCheckpoint {
    private final TestDomain domain;
    private final String name;

    TestDomainCheckpoint(TestDomain domain, String name) {
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
    public DomainCheckpoint getParent() {
        return domain.with(o -> {
            String parent = TestCheckpoints.find(o, name).parent;
            if (parent == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN_CHECKPOINT, ErrorDomain.TEST,
                        "checkpoint '" + name + "' does not have a parent");
            }
            return new TestDomainCheckpoint(domain, parent);
        });
    }

    @Override
    public String getXMLDesc(Set<DomainCheckpointXMLFlag> flags) {
        int bits = VirFlag.toBits(flags);
        return domain.with(o -> TestCheckpoints.xml(o, name, bits));
    }

    @Override
    public List<DomainCheckpoint> listAllChildren(Set<DomainCheckpointListFlag> flags) {
        int bits = VirFlag.toBits(flags);
        return domain.with(o -> {
            return TestCheckpoints.list(o, name, bits).stream()
                    .<DomainCheckpoint>map(n -> new TestDomainCheckpoint(domain, n)).toList();
        });
    }

    @Override
    public void delete(Set<DomainCheckpointDeleteFlag> flags) {
        domain.with(o -> {
            TestCheckpoints.delete(o, name, VirFlag.toBits(flags));
            return null;
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestDomainCheckpoint s && s.name.equals(name) && s.domain.equals(domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, domain);
    }
}
