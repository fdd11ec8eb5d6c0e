package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.jvirt.api.CloseReason;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Hot deployment: the platform starts without the test driver; its jar dropped into deploy/ can be connected to
 * within seconds; removing the jar closes its connections (INVALID_CONN on every call, EOF to close listeners) and
 * the platform goes on without it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {
    @Inject
    BundleContext context;

    @Inject
    ConnectFactory factory;

    @Configuration
    public Option[] config() {
        // without the remote driver too: as libvirt's, it would take test:/// and try a local daemon's socket
        return PlatformOptions.platform("hotdeploy", jar -> !jar.equals("org.jvirt.driver.test.jar")
                && !jar.equals("org.jvirt.driver.remote.jar"));
    }

    @Test
    public void theTestDriverComesAndGoesWithItsJar() throws Exception {
        try {
            factory.open("test:///default");
            fail("no test driver is installed yet");
        } catch (VirtException e) {
            assertEquals(ErrorCode.NO_CONNECT, e.code());
        }
        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path jar = deploy.resolve("org.jvirt.driver.test.jar");
        Files.copy(Path.of(System.getProperty("jvirt.dist"), "bundle", "org.jvirt.driver.test.jar"), jar);

        Connect[] opened = new Connect[1];
        assertTrue("the dropped driver serves test:///default within seconds", Await.until(() -> {
            try {
                opened[0] = factory.open("test:///default");
                return true;
            } catch (VirtException e) {
                return false;
            }
        }, 15_000));
        Connect connect = opened[0];
        Domain test = connect.domainLookupByName("test");
        assertEquals(1, test.getID());
        assertTrue(factory.drivers().stream().anyMatch(d -> d.name().equals("test") && d.state().equals("ACTIVE")
                && d.uriSchemes().contains("test") && d.connections() >= 1));

        BlockingQueue<CloseReason> closed = new LinkedBlockingQueue<>();
        connect.registerCloseCallback(closed::add);
        Files.delete(jar);

        assertEquals("close listeners hear EOF", CloseReason.EOF, closed.poll(15, TimeUnit.SECONDS));
        assertFalse(connect.isAlive());
        try {
            test.getInfo();
            fail("a domain of a closed connection must refuse calls");
        } catch (VirtException e) {
            assertEquals(ErrorCode.INVALID_CONN, e.code());
            assertEquals("invalid connection pointer in virDomainGetInfo", e.getMessage());
        }
        assertTrue(Await.until(() -> factory.drivers().stream().noneMatch(d -> d.name().equals("test")), 5_000));
        try {
            factory.open("test:///default");
            fail("the driver is gone");
        } catch (VirtException e) {
            assertEquals(ErrorCode.NO_CONNECT, e.code());
        }
        for (DriverInfo d : factory.drivers()) {
            assertFalse("no test driver remains: " + d, d.name().equals("test"));
        }
    }
}
