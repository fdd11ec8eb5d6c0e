package org.jvirt.driver.qemu;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockCommitFlag;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.EventSink;
import org.jvirt.api.event.BlockJobStatus;
import org.jvirt.api.event.DomainBlockJob2Event;
import org.jvirt.api.event.DomainEvent;

/**
 * A platform process for the restart tests: opens the driver on a home, starts the guests named on the command
 * line (persistent), prints "READY" and waits to be killed. A guest given as {@code NAME=IMAGE} runs on that qcow2
 * image with an active commit of it under way and ready (waiting for its pivot) when READY is printed.
 */
public final class RestartPlatform {
    private RestartPlatform() {
    }

    public static void main(String[] args) throws Exception {
        QemuHypervisorDriver driver = new QemuHypervisorDriver(Path.of(args[0]));
        LinkedBlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
        Connect c = driver.open(new ConnectRequest(URI.create("qemu:///system"), Set.of(), null, new EventSink() {
            @Override
            public void domainEvent(DomainEvent event) {
                events.add(event);
            }

            @Override
            public void connectionClosed(CloseReason reason) {
            }
        })).orElseThrow();
        for (int i = 1; i < args.length; i++) {
            String[] spec = args[i].split("=", 2);
            String name = spec[0];
            Domain d = c.domainDefineXML(spec.length == 1 ? QemuFixture.xml(name)
                    : QemuFixture.xml(name, QemuBlockChainTest.disk("vda", Path.of(spec[1]), "qcow2")));
            d.create();
            if (spec.length == 2) {
                d.blockCommit("vda", null, null, 0, EnumSet.of(DomainBlockCommitFlag.ACTIVE));
                while (true) {
                    DomainEvent e = events.poll(60, TimeUnit.SECONDS);
                    if (e == null) {
                        throw new IllegalStateException("the active commit never became ready");
                    }
                    if (e instanceof DomainBlockJob2Event j && j.status() == BlockJobStatus.READY) {
                        break;
                    }
                }
            }
            System.out.println("PID " + name + " " + ((QemuDomain) c.domainLookupByName(name)).pid());
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
