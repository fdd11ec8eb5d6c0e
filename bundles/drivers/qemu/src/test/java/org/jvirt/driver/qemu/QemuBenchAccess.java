package org.jvirt.driver.qemu;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.command.Aliases;
import org.jvirt.driver.qemu.command.LaunchPaths;
import org.jvirt.driver.qemu.command.QemuCommandLine;
import org.jvirt.driver.qemu.command.QemuDefaults;

/** What the benchmark (in another package) needs of the driver's insides: a driver, and a guest's arguments. */
public final class QemuBenchAccess implements AutoCloseable {
    private final QemuHypervisorDriver driver;
    private final Path home;
    private Connect conn;

    public QemuBenchAccess(Path home) {
        this.home = home;
        this.driver = new QemuHypervisorDriver(home);
    }

    public Connect connect() {
        conn = driver.open(new ConnectRequest(URI.create("qemu:///system"), Set.of(), null, null)).orElseThrow();
        return conn;
    }

    /** A guest with no OS: 32 MiB, one vCPU, no disk, as the tests use. */
    public static String guestXml(String name) {
        return QemuFixture.xml(name);
    }

    /** The same guest with devices. */
    public static String guestXml(String name, String devices) {
        return QemuFixture.xml(name, devices);
    }

    /** The argument array the driver would give QEMU for {@code name}, its files under {@code dir}. */
    public List<String> commandLine(String name, Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        QemuDriver d = driver.state();
        DomainDef def = d.parseNew(guestXml(name));
        QemuCaps caps = d.capsFor(def);
        DomainDef live = DomainXml.copy(def, d.parse);
        QemuDefaults.apply(live, caps, false);
        Aliases.assign(live);
        live.id = 1;
        return QemuCommandLine.build(live, caps, new LaunchPaths(dir, dir.resolve("monitor.sock"),
                dir.resolve("qemu.pid"), null, -1, Set.of(), null, null));
    }

    @Override
    public void close() {
        if (conn != null) {
            conn.close();
        }
        driver.close();
    }
}
