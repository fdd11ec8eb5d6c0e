package org.jvirt.driver.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.security.sasl.SaslException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.Credential;
import org.jvirt.api.CredentialType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.transport.SaslFramedChannel;

/** The SASL client's parts on their own: SCRAM-SHA-256 against RFC 7677, the choice of mechanism, the layer. */
class SaslClientTest {
    static SaslCredentials answering(String user, String password) {
        return new SaslCredentials(new ConnectAuth() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return Set.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE);
            }

            @Override
            public void request(List<Credential> credentials) {
                for (Credential c : credentials) {
                    c.setResult(c.type() == CredentialType.AUTHNAME ? user : password);
                }
            }
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

    @Test
    void scramSha256FollowsRfc7677sExample() throws SaslException {
        ScramSha256Client c = new ScramSha256Client(answering("user", "pencil"), () -> "rOprNGfwEbeRWgbNEkqO");
        assertThat(text(c.start())).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        assertThat(text(c.step(utf8(SERVER_FIRST)))).isEqualTo(
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(c.isComplete()).isFalse();
        assertThat(c.step(utf8("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))).isEmpty();
        assertThat(c.isComplete()).isTrue();
        assertThat(c.ssf()).isZero();
    }

    @Test
    void scramSha256ChecksTheServer() throws SaslException {
        ScramSha256Client forged = new ScramSha256Client(answering("user", "pencil"), () -> "rOprNGfwEbeRWgbNEkqO");
        forged.start();
        forged.step(utf8(SERVER_FIRST));
        // a server that does not know the password cannot sign the exchange
        assertThatThrownBy(() -> forged.step(utf8("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")))
                .isInstanceOf(SaslException.class).hasMessageContaining("signature");
        assertThat(forged.isComplete()).isFalse();

        ScramSha256Client other = new ScramSha256Client(answering("user", "pencil"), () -> "abc");
        other.start();
        // the server's nonce must extend the client's
        assertThatThrownBy(() -> other.step(utf8("r=xyz123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")))
                .isInstanceOf(SaslException.class);

        ScramSha256Client refused = new ScramSha256Client(answering("user", "pencil"), () -> "rOprNGfwEbeRWgbNEkqO");
        refused.start();
        refused.step(utf8(SERVER_FIRST));
        assertThatThrownBy(() -> refused.step(utf8("e=invalid-proof"))).isInstanceOf(SaslException.class)
                .hasMessageContaining("invalid-proof");
        // names are escaped as RFC 5802 asks
        ScramSha256Client odd = new ScramSha256Client(answering("a,b=c", "x"), () -> "n");
        assertThat(text(odd.start())).isEqualTo("n,,n=a=2Cb=3Dc,r=n");
    }

    @Test
    void theMechanismIsTheOneCyrusWouldPick() {
        SaslCredentials any = answering("u", "p");
        assertThat(SaslAuthentication.pick(List.of("SCRAM-SHA-256", "DIGEST-MD5"), true, "h", any).mechanism())
                .isEqualTo("SCRAM-SHA-256");
        assertThat(SaslAuthentication.pick(List.of("DIGEST-MD5", "SCRAM-SHA-256"), false, "h", any).mechanism())
                .isEqualTo("DIGEST-MD5");
        assertThat(SaslAuthentication.pick(List.of("DIGEST-MD5"), true, "h", any).mechanism())
                .isEqualTo("DIGEST-MD5");
        // without a layer of 56 bits nothing will do on plain TCP
        for (List<String> offered : List.of(List.of("SCRAM-SHA-256"), List.of("GSSAPI", "PLAIN"), List.of(""))) {
            assertThatThrownBy(() -> SaslAuthentication.pick(offered, false, "h", any))
                    .isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FAILED);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                        assertThat(e.getMessage()).isEqualTo("authentication failed: Failed to start SASL "
                                + "negotiation: -4 (SASL(-4): no mechanism available: No worthy mechs found)");
                    });
        }
    }

    @Test
    void digestMd5ReadsTheCiphersOffered() {
        String cyrus = "realm=\"vm\",nonce=\"abc,def\",qop=\"auth-conf\",cipher=\"rc4-40,rc4-56,rc4,des,3des\","
                + "maxbuf=65536,charset=utf-8,algorithm=md5-sess";
        assertThat(DigestMd5Client.offeredCiphers(utf8(cyrus))).containsExactly("rc4-40", "rc4-56", "rc4", "des",
                "3des");
        assertThat(DigestMd5Client.offeredCiphers(utf8("nonce=\"x\",qop=\"auth\""))).isEmpty();
        assertThat(DigestMd5Client.offeredCiphers(null)).isEmpty();
    }

    @Test
    void credentialsFailAsLibvirtsDo() {
        assertThatThrownBy(() -> new SaslCredentials(null).nameAndPassword(null))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("authentication failed: No authentication callback available");
                    assertThat(e.domain()).isEqualTo(ErrorDomain.REMOTE);
                });
        SaslCredentials silent = new SaslCredentials(new ConnectAuth() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return Set.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE);
            }

            @Override
            public void request(List<Credential> credentials) {
                credentials.get(0).setResult("only-a-name");
            }
        });
        assertThatThrownBy(() -> silent.nameAndPassword(null)).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.getMessage()).isEqualTo("authentication failed: Failed to collect auth credentials"));
        List<Credential> seen = new ArrayList<>();
        SaslCredentials recording = new SaslCredentials(new ConnectAuth() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return Set.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE);
            }

            @Override
            public void request(List<Credential> credentials) {
                seen.addAll(credentials);
                credentials.forEach(c -> c.setResult("x"));
            }
        });
        recording.nameAndPassword(null);
        assertThat(seen).extracting(Credential::prompt).containsExactly("Please enter your authentication name",
                "Please enter your password");
    }

    @Test
    void theAuthFileComesBeforeTheCallback(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws IOException {
        java.nio.file.Path file = tmp.resolve("auth.conf");
        java.nio.file.Files.writeString(file, "# credentials for two hosts\n[credentials-admin]\nauthname=admin\n"
                + "password=s3cret\n\n[credentials-half]\nauthname=half\n\n[auth-libvirt-db1]\n"
                + "credentials=admin\n[auth-libvirt-default]\ncredentials=half\n[auth-libvirt-broken]\n"
                + "credentials=nosuch\n");
        List<List<CredentialType>> asked = new ArrayList<>();
        ConnectAuth cb = new ConnectAuth() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return Set.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE);
            }

            @Override
            public void request(List<Credential> credentials) {
                asked.add(credentials.stream().map(Credential::type).toList());
                credentials.forEach(c -> c.setResult("typed"));
            }
        };
        // both in the file: the callback is not asked (nor needed)
        assertThat(new SaslCredentials(null, () -> file, "db1").nameAndPassword(null)).containsExactly("admin",
                "s3cret");
        // another host falls back to the default group, which lacks the password
        assertThat(new SaslCredentials(cb, () -> file, "web").nameAndPassword(null)).containsExactly("half", "typed");
        assertThat(asked).containsExactly(List.of(CredentialType.PASSPHRASE));
        assertThatThrownBy(() -> new SaslCredentials(cb, () -> file, "broken").nameAndPassword(null))
                .isInstanceOfSatisfying(VirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONF_SYNTAX);
                    assertThat(e.getMessage()).endsWith("Missing group 'credentials-nosuch' referenced from group "
                            + "'auth-libvirt-broken' in '" + file + "'");
                });
        // where libvirt looks: its variable, then the URI's authfile, then the user's folder
        java.net.URI uri = java.net.URI.create("qemu+tcp://h/system?authfile=/x/a.conf");
        assertThat(AuthConfigFile.locate(uri, k -> k.equals("LIBVIRT_AUTH_FILE") ? "/env/a.conf" : null))
                .isEqualTo(java.nio.file.Path.of("/env/a.conf"));
        assertThat(AuthConfigFile.locate(uri, k -> null)).isEqualTo(java.nio.file.Path.of("/x/a.conf"));
        java.nio.file.Files.createDirectories(tmp.resolve("libvirt"));
        java.nio.file.Files.copy(file, tmp.resolve("libvirt/auth.conf"));
        assertThat(AuthConfigFile.locate(java.net.URI.create("qemu+tcp://h/system"),
                k -> k.equals("XDG_CONFIG_HOME") ? tmp.toString() : null)).isEqualTo(tmp.resolve("libvirt/auth.conf"));
    }

    /** A stand-in layer: each byte plus one, behind a marker byte; at most 5 plain bytes a buffer. */
    static final class ShiftLayer implements SaslClientSession {
        boolean disposed;

        @Override
        public String mechanism() {
            return "TEST";
        }

        @Override
        public byte[] start() {
            return null;
        }

        @Override
        public byte[] step(byte[] challenge) {
            return null;
        }

        @Override
        public boolean isComplete() {
            return true;
        }

        @Override
        public int ssf() {
            return 128;
        }

        @Override
        public int maxRawSend() {
            return 5;
        }

        @Override
        public byte[] wrap(byte[] data, int off, int len) {
            byte[] out = new byte[len + 1];
            out[0] = 'W';
            for (int i = 0; i < len; i++) {
                out[i + 1] = (byte) (data[off + i] + 1);
            }
            return out;
        }

        @Override
        public byte[] unwrap(byte[] data, int off, int len) throws SaslException {
            if (data[off] != 'W') {
                throw new SaslException("not wrapped");
            }
            byte[] out = new byte[len - 1];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (data[off + i + 1] - 1);
            }
            return out;
        }

        @Override
        public void dispose() {
            disposed = true;
        }
    }

    /** Both ends of a pipe as one channel. */
    record PipeEnd(Pipe.SourceChannel in, Pipe.SinkChannel out) implements ByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            return in.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return out.write(src);
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
            out.close();
        }
    }

    @Test
    @Timeout(60) // a framing fault would leave a pipe read waiting forever
    void theLayerStartsBetweenTwoPacketsEvenWhileAReadWaits() throws Exception {
        Pipe toClient = Pipe.open();
        Pipe fromClient = Pipe.open();
        SaslFramedChannel ch = new SaslFramedChannel(new PipeEnd(toClient.source(), fromClient.sink()));
        // before the layer: bytes as they are, both ways
        ch.write(ByteBuffer.wrap(utf8("hello")));
        assertThat(readAll(fromClient.source(), 5)).isEqualTo("hello");
        toClient.sink().write(ByteBuffer.wrap(utf8("reply")));
        assertThat(readFrom(ch, 5)).isEqualTo("reply");

        // the reader is already waiting for the next packet when the layer goes in
        CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
            try {
                return readFrom(ch, 12);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        ShiftLayer layer = new ShiftLayer();
        ch.secure(layer);
        assertThat(ch.layered()).isTrue();
        // the server's answer: two wrapped buffers, the second cut in two writes
        byte[] first = layer.wrap(utf8("wrapped "), 0, 8);
        byte[] second = layer.wrap(utf8("data"), 0, 4);
        ByteBuffer frames = ByteBuffer.allocate(8 + first.length + second.length);
        frames.putInt(first.length).put(first).putInt(second.length).put(second).flip();
        toClient.sink().write(frames.slice().limit(first.length + 6));
        Thread.sleep(50);
        toClient.sink().write(frames.position(first.length + 6));
        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("wrapped data");

        // what the client writes leaves in buffers of at most maxRawSend plain bytes, each behind its length
        ch.write(ByteBuffer.wrap(utf8("0123456789AB")));
        ByteBuffer sent = ByteBuffer.allocate(3 * 4 + 12 + 3);
        while (sent.hasRemaining()) {
            fromClient.source().read(sent);
        }
        sent.flip();
        StringBuilder plain = new StringBuilder();
        List<Integer> sizes = new ArrayList<>();
        while (sent.hasRemaining()) {
            byte[] w = new byte[sent.getInt()];
            sizes.add(w.length);
            sent.get(w);
            plain.append(text(layer.unwrap(w, 0, w.length)));
        }
        assertThat(sizes).containsExactly(6, 6, 3);
        assertThat(plain.toString()).isEqualTo("0123456789AB");

        // a length no layer would send ends the connection with an error
        toClient.sink().write(ByteBuffer.allocate(4).putInt(0x7fffffff).flip());
        assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(10))).isInstanceOf(IOException.class)
                .hasMessageContaining("refused");
        ch.close();
        assertThat(layer.disposed).isTrue();
    }

    private static String readFrom(SaslFramedChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                break;
            }
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    private static String readAll(Pipe.SourceChannel in, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            in.read(b);
        }
        return new String(b.array(), StandardCharsets.UTF_8);
    }
}
