package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.DriverInfo;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.remote.RemoteProtocol.ConnectOpenArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainCreateWithFilesArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainCreateXmlWithFilesArgs;
import org.jvirt.rpc.remote.RemoteProtocol.DomainDefineXmlArgs;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.jvirt.rpc.transport.FilePassing;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open files a client passes beside CALL_WITH_FDS on the daemon's unix socket reach the driver: a stub in front of
 * the test driver reads each file it is handed (what it reads is what the client's files hold), then lets the test
 * driver take them and ignore them, as libvirt's does. The daemon closes its descriptors once the call is answered.
 */
class FilesReachTheDriverTest {
    private static final String XML =
            "<domain type='test'><name>fdtest</name><memory>8192</memory><os><type>hvm</type></os></domain>";

    @TempDir
    Path tmp;

    private TestDaemon daemon;
    /** Per call with files: what each file handed to the driver held, and its descriptor number. */
    private final List<List<String>> seen = new CopyOnWriteArrayList<>();
    private final List<Integer> numbers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        daemon = TestDaemon.start(tmp.resolve("home"), java.util.Map.of(), new ReadingFactory(TestDaemon.factory()));
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private RpcClient client() {
        SocketChannel ch = Transports.connectUnix(daemon.rwSocket());
        RpcClient c = RpcClient.open("files", ch);
        c.sendFilesOn(FilePassing.of(ch));
        c.call(RemoteProtocol.CONNECT_OPEN, new ConnectOpenArgs("test:///default", 0));
        // as libvirt's library asks before a call with files: from this answer on the daemon reads up to them
        assertThat(c.call(RemoteProtocol.CONNECT_SUPPORTS_FEATURE, new RemoteProtocol.ConnectSupportsFeatureArgs(
                org.jvirt.rpc.remote.RemoteFeatures.FD_PASSING)).supported()).isEqualTo(1);
        return c;
    }

    private List<FileDescriptor> open(List<FileInputStream> keep, String... texts) throws IOException {
        List<FileDescriptor> out = new ArrayList<>();
        for (String t : texts) {
            FileInputStream in = new FileInputStream(Files.writeString(tmp.resolve(t), t).toFile());
            keep.add(in);
            out.add(in.getFD());
        }
        return out;
    }

    @Test
    void theDriverReadsTheFilesTheClientPassed() throws Exception {
        List<FileInputStream> keep = new ArrayList<>();
        try (RpcClient c = client()) {
            NonnullDomain d = c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_XML_WITH_FILES,
                    new DomainCreateXmlWithFilesArgs(XML, 0), open(keep, "one", "two")).dom();
            assertThat(d.name()).isEqualTo("fdtest");
            assertThat(d.id()).isPositive();
            assertThat(seen).containsExactly(List.of("one", "two"));
            c.call(RemoteProtocol.DOMAIN_DESTROY, new RemoteProtocol.DomainDestroyArgs(d));

            NonnullDomain defined = c.call(RemoteProtocol.DOMAIN_DEFINE_XML, new DomainDefineXmlArgs(XML)).dom();
            NonnullDomain started = c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_WITH_FILES,
                    new DomainCreateWithFilesArgs(defined, 0), open(keep, "three")).dom();
            assertThat(started.id()).isPositive();
            assertThat(seen).containsExactly(List.of("one", "two"), List.of("three"));

            // a plain CALL of the same procedure hands the driver no file
            c.call(RemoteProtocol.DOMAIN_DESTROY, new RemoteProtocol.DomainDestroyArgs(started));
            c.callWithFiles(RemoteProtocol.DOMAIN_CREATE_WITH_FILES, new DomainCreateWithFilesArgs(defined, 0),
                    List.of());
            assertThat(seen).containsExactly(List.of("one", "two"), List.of("three"), List.of());
        } finally {
            for (FileInputStream in : keep) {
                in.close();
            }
        }
        // the daemon's descriptors went once the calls were answered: none of them names a file of ours now
        for (int n : numbers) {
            awaitNotOurs(n);
        }
    }

    private void awaitNotOurs(int n) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (!pointsIntoTmp(n)) {
                return;
            }
            Thread.sleep(10);
        }
        assertThat(pointsIntoTmp(n)).as("descriptor " + n + " still open on a passed file").isFalse();
    }

    private boolean pointsIntoTmp(int n) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + n)).startsWith(tmp);
        } catch (IOException e) {
            return false;
        }
    }

    private String read(FileDescriptor fd) {
        numbers.add(FilePassing.number(fd));
        try {
            // not closed: the caller's descriptors are the daemon's to close
            return new String(new FileInputStream(fd).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> readAll(Object files) {
        List<String> out = new ArrayList<>();
        for (FileDescriptor fd : (List<FileDescriptor>) files) {
            out.add(read(fd));
        }
        return out;
    }

    /** The real factory, its connections' and domains' calls with files read first. */
    private final class ReadingFactory implements ConnectFactory {
        private final ConnectFactory real;

        ReadingFactory(ConnectFactory real) {
            this.real = real;
        }

        @Override
        public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
            return wrap(Connect.class, real.open(uri, flags, auth), "domainCreateXMLWithFiles", 1);
        }

        private <T> T wrap(Class<T> type, T target, String withFiles, int filesArg) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, m, args) -> {
                        if (m.getName().equals(withFiles)) {
                            seen.add(readAll(args[filesArg]));
                        }
                        Object r = invoke(m, target, args);
                        return r instanceof Domain d ? wrap(Domain.class, d, "createWithFiles", 0) : r;
                    }));
        }

        private Object invoke(Method m, Object target, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public String defaultUri() {
            return real.defaultUri();
        }

        @Override
        public List<DriverInfo> drivers() {
            return real.drivers();
        }
    }
}
