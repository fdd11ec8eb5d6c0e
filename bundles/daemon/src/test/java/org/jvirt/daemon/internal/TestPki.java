package org.jvirt.daemon.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates for TLS tests, made with openssl (the tests skip, saying so, without it): a CA, a server certificate
 * for localhost and 127.0.0.1 laid out as libvirtd's under a home's etc/pki, and client certificates in the folder
 * libvirt's client takes with ?pkipath= (cacert.pem, clientcert.pem, clientkey.pem).
 */
final class TestPki {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** A new CA in {@code dir}. */
    static TestPki create(Path dir) throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed: the TLS tests are skipped");
        Files.createDirectories(dir);
        TestPki pki = new TestPki(dir);
        pki.run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "cacert.pem",
                "-days", "2", "-subj", "/O=jvirt test/CN=jvirt test CA");
        return pki;
    }

    /** The server's files under {@code home}/etc/pki; {@code keyForm} is "pkcs8", "pkcs1" or "ec". */
    void server(Path home, String keyForm) throws Exception {
        Path pki = home.resolve("etc/pki");
        Files.createDirectories(pki.resolve("CA"));
        Files.createDirectories(pki.resolve("libvirt/private"));
        Path key = pki.resolve("libvirt/private/serverkey.pem");
        newKey(key, keyForm);
        Path ext = dir.resolve("server.ext");
        Files.writeString(ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
                + "keyUsage=digitalSignature,keyEncipherment\n");
        sign(key, "/O=jvirt test/CN=localhost", ext, pki.resolve("libvirt/servercert.pem"));
        Files.copy(dir.resolve("cacert.pem"), pki.resolve("CA/cacert.pem"));
    }

    /** A client folder for ?pkipath=, its certificate for {@code subject}, signed by this CA. */
    Path client(String name, String subject) throws Exception {
        Path out = Files.createDirectories(dir.resolve(name));
        Path key = out.resolve("clientkey.pem");
        newKey(key, "pkcs8");
        Path ext = dir.resolve("client.ext");
        Files.writeString(ext, "extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature,keyEncipherment\n");
        sign(key, subject, ext, out.resolve("clientcert.pem"));
        Files.copy(dir.resolve("cacert.pem"), out.resolve("cacert.pem"));
        return out;
    }

    private void newKey(Path key, String form) throws Exception {
        switch (form) {
            case "pkcs1" -> run("genrsa", "-traditional", "-out", key.toString(), "2048");
            case "ec" -> run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key.toString());
            default -> run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                    key.toString());
        }
    }

    private void sign(Path key, String subject, Path ext, Path cert) throws Exception {
        Path csr = dir.resolve("req.csr");
        run("req", "-new", "-key", key.toString(), "-subj", subject, "-out", csr.toString());
        run("x509", "-req", "-in", csr.toString(), "-CA", "cacert.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", ext.toString(), "-out", cert.toString());
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(OPENSSL.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + ": " + out);
        }
    }
}
