package org.jvirt.driver.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.peer.LibvirtdPeer;
import org.jvirt.rpc.transport.FilePassing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * virDomainCreateXMLWithFiles and virDomainCreateWithFiles against the real libvirtd 9.0 (its test driver takes
 * the files and ignores them): the remote driver gets what python-libvirt gets from the same daemon, results and
 * errors, over the unix socket (the files travel) and over TCP (they cannot: libvirt's error, the connection
 * closed).
 */
public class FilesPeerTest {
    private static LibvirtdPeer peer;
    private static ConnectFactory factory;

    /** The same steps in python-libvirt: each line a label, then OK and the result, or ERR code domain message. */
    public static final String PYTHON = """
            import os
            xml = "<domain type='test'><name>fdtest</name><memory>8192</memory><os><type>hvm</type></os></domain>"
            fd = os.open('/etc/hostname', os.O_RDONLY)
            def show(label, f):
                try:
                    print(label, 'OK', f())
                except libvirt.libvirtError as e:
                    print(label, 'ERR', e.get_error_code(), e.get_error_domain(), e.get_error_message())
            show('createXMLWithFiles', lambda: conn.createXMLWithFiles(xml, [fd]).name())
            show('state', lambda: conn.lookupByName('fdtest').state()[0])
            show('destroy', lambda: conn.lookupByName('fdtest').destroy())
            show('createXMLWithFiles-paused', lambda: conn.createXMLWithFiles(xml, [fd, fd], libvirt.VIR_DOMAIN_START_PAUSED).name())
            show('state', lambda: conn.lookupByName('fdtest').state()[0])
            show('destroy', lambda: conn.lookupByName('fdtest').destroy())
            show('createXMLWithFiles-none', lambda: conn.createXMLWithFiles(xml, []).name())
            show('destroy', lambda: conn.lookupByName('fdtest').destroy())
            show('define', lambda: conn.defineXML(xml).name())
            held = []
            def d():
                # one handle for the steps below (its id follows the starts), looked up when first wanted
                if not held:
                    held.append(conn.lookupByName('fdtest'))
                return held[0]
            show('createWithFiles', lambda: d().createWithFiles([fd]))
            show('ID', lambda: d().ID() > 0)
            show('createWithFiles-again', lambda: d().createWithFiles([fd]))
            show('destroy', lambda: d().destroy())
            show('createWithFiles-badfd', lambda: d().createWithFiles([9999]))
            show('isActive', lambda: d().isActive())
            show('createWithFiles-three', lambda: d().createWithFiles([fd, fd, fd]))
            show('destroy', lambda: d().destroy())
            show('undefine', lambda: d().undefine())
            show('createXMLWithFiles-badxml', lambda: conn.createXMLWithFiles(xml.replace("'test'", "'bogus'"), [fd]).name())
            show('hostname', lambda: len(conn.getHostname()) > 0)
            show('isAlive', lambda: conn.isAlive())
            """;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = LibvirtdPeer.start();
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    /** The same steps through jvirt's API, printed as the python script prints them. */
    public static String jvirtSteps(Connect c) throws Exception {
        String xml = "<domain type='test'><name>fdtest</name><memory>8192</memory><os><type>hvm</type></os></domain>";
        List<String> out = new ArrayList<>();
        try (FileInputStream in = new FileInputStream("/etc/hostname")) {
            FileDescriptor fd = in.getFD();
            FileDescriptor bad = FilePassing.wrap(9999);
            show(out, "createXMLWithFiles", () -> c.domainCreateXMLWithFiles(xml, List.of(fd), Set.of()).getName());
            show(out, "state", () -> c.domainLookupByName("fdtest").getState().state().value());
            show(out, "destroy", () -> run(() -> c.domainLookupByName("fdtest").destroy()));
            show(out, "createXMLWithFiles-paused", () -> c.domainCreateXMLWithFiles(xml, List.of(fd, fd),
                    Set.of(DomainCreateFlag.START_PAUSED)).getName());
            show(out, "state", () -> c.domainLookupByName("fdtest").getState().state().value());
            show(out, "destroy", () -> run(() -> c.domainLookupByName("fdtest").destroy()));
            show(out, "createXMLWithFiles-none", () -> c.domainCreateXMLWithFiles(xml, List.of(), Set.of()).getName());
            show(out, "destroy", () -> run(() -> c.domainLookupByName("fdtest").destroy()));
            show(out, "define", () -> c.domainDefineXML(xml).getName());
            org.jvirt.api.Domain[] held = new org.jvirt.api.Domain[1];
            Supplier<org.jvirt.api.Domain> d = () -> {
                if (held[0] == null) {
                    held[0] = c.domainLookupByName("fdtest");
                }
                return held[0];
            };
            show(out, "createWithFiles", () -> run(() -> d.get().createWithFiles(List.of(fd), Set.of())));
            show(out, "ID", () -> d.get().getID() > 0 ? "True" : "False");
            show(out, "createWithFiles-again", () -> run(() -> d.get().createWithFiles(List.of(fd), Set.of())));
            show(out, "destroy", () -> run(() -> d.get().destroy()));
            show(out, "createWithFiles-badfd", () -> run(() -> d.get().createWithFiles(List.of(bad), Set.of())));
            show(out, "isActive", () -> d.get().isActive() ? 1 : 0);
            show(out, "createWithFiles-three",
                    () -> run(() -> d.get().createWithFiles(List.of(fd, fd, fd), Set.of())));
            show(out, "destroy", () -> run(() -> d.get().destroy()));
            show(out, "undefine", () -> run(() -> d.get().undefine()));
            show(out, "createXMLWithFiles-badxml", () -> c.domainCreateXMLWithFiles(
                    xml.replace("'test'", "'bogus'"), List.of(fd), Set.of()).getName());
            show(out, "hostname", () -> c.getHostname().isEmpty() ? "False" : "True");
            show(out, "isAlive", () -> c.isAlive() ? 1 : 0);
        }
        return String.join("\n", out) + "\n";
    }

    private static Object run(Runnable r) {
        r.run();
        return 0;
    }

    private static void show(List<String> out, String label, Supplier<Object> step) {
        try {
            out.add(label + " OK " + step.get());
        } catch (VirtException e) {
            out.add(label + " ERR " + e.code().value() + " " + e.domain().value() + " " + e.getMessage());
        }
    }

    @Test
    void overTheUnixSocketTheFilesTravelAsPythonLibvirtsDo() throws Exception {
        String py = PythonLibvirt.run(peer.unixUri(), PYTHON);
        String mine;
        try (Connect c = factory.open(peer.unixUri())) {
            mine = jvirtSteps(c);
        }
        assertThat(mine).isEqualTo(py);
        assertThat(py).contains("createXMLWithFiles OK fdtest", "createWithFiles OK 0",
                "createWithFiles-badfd ERR 38 7 Cannot duplicate FD 9999: Bad file descriptor");
    }

    /**
     * Over TCP the first call with files fails with libvirt's error and the connection is closed, then every step
     * fails. The later errors differ in their words only: python-libvirt's library answers "client socket is
     * closed", jvirt's core refuses every call on a connection closed underneath with INVALID_CONN.
     */
    @Test
    void overTcpTheCallFailsAndClosesAsPythonLibvirtsDoes() throws Exception {
        String py = PythonLibvirt.run(peer.tcpUri(), PYTHON);
        String mine;
        java.util.concurrent.BlockingQueue<org.jvirt.api.CloseReason> closed =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (Connect c = factory.open(peer.tcpUri())) {
            c.registerCloseCallback(closed::add);
            mine = jvirtSteps(c);
        }
        // virsh says "Disconnected from … due to I/O error": libvirt's client closes with that reason
        assertThat(closed.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(org.jvirt.api.CloseReason.ERROR);
        String[] p = py.split("\n");
        String[] m = mine.split("\n");
        assertThat(m).hasSameSizeAs(p);
        assertThat(m[0]).isEqualTo(p[0]).isEqualTo("createXMLWithFiles ERR 1 7 internal error: Sending file "
                + "descriptors is not supported on this socket");
        for (int i = 1; i < p.length - 1; i++) {
            String label = p[i].substring(0, p[i].indexOf(' '));
            assertThat(p[i]).isEqualTo(label + " ERR 1 7 internal error: client socket is closed");
            assertThat(m[i]).startsWith(label + " ERR 6 20 invalid connection pointer in vir");
        }
        assertThat(m[p.length - 1]).isEqualTo(p[p.length - 1]).isEqualTo("isAlive OK 0");
    }
}
