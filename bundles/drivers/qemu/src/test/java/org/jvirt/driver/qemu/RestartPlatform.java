package org.jvirt.driver.qemu;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.driver.ConnectRequest;

/**
 * A platform process for the restart test: opens the driver on a home, starts the guests named on the command
 * line (persistent), prints "READY" and waits to be killed.
 */
public final class RestartPlatform {
    private RestartPlatform() {
    }

    public static void main(String[] args) throws Exception {
        QemuHypervisorDriver driver = new QemuHypervisorDriver(Path.of(args[0]));
        Connect c = driver.open(new ConnectRequest(URI.create("qemu:///system"), Set.of(), null, null))
                .orElseThrow();
        for (int i = 1; i < args.length; i++) {
            Domain d = c.domainDefineXML(QemuFixture.xml(args[i]));
            d.create();
            System.out.println("PID " + args[i] + " " + ((QemuDomain) c.domainLookupByName(args[i])).pid());
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
