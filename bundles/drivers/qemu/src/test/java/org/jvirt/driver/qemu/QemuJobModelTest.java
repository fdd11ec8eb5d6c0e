package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainJobType;
import org.jvirt.api.DomainState;

/**
 * libvirt's job model on a real QEMU: while a domain's job runs, a second modifying call waits for it and queries
 * (state, info, XML, job info, statistics) answer at once; another domain's calls do not wait at all.
 */
class QemuJobModelTest {
    @TempDir
    Path home;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    @Test
    void oneModifyingJobAtATimeQueriesInParallel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "job-model-test"));
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainCreateXML(QemuFixture.xml("busy"), Set.of());
            Domain other = f.conn.domainCreateXML(QemuFixture.xml("free"), Set.of());
            QemuDomainObj o = f.driver.state().byUuid(d.getUUID());
            o.beginJob(); // a job of this domain is running (as a save or a block job would hold it)
            CompletableFuture<Void> suspend;
            try {
                suspend = CompletableFuture.runAsync(d::suspend, pool);
                // queries answer while the job holds the domain
                assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
                assertThat(d.getInfo().state()).isEqualTo(DomainState.RUNNING);
                assertThat(d.getXMLDesc(Set.of())).contains("<name>busy</name>");
                assertThat(d.getJobInfo().type()).isEqualTo(DomainJobType.NONE);
                assertThat(f.conn.getAllDomainStats(Set.of(), Set.of())).hasSize(2);
                // another domain's modifying call does not wait for this one's job
                other.suspend();
                assertThat(other.getState().state()).isEqualTo(DomainState.PAUSED);
                assertThat(suspend).as("the second modifying call waits for the job").isNotDone();
            } finally {
                o.endJob();
            }
            suspend.get(30, TimeUnit.SECONDS);
            assertThat(d.getState().state()).isEqualTo(DomainState.PAUSED);
        } finally {
            pool.shutdownNow();
        }
    }
}
