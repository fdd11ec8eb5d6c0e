package org.jvirt.driver.remote.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The client's x509 files where libvirt keeps them: {@code cacert.pem}, {@code clientcert.pem} and
 * {@code clientkey.pem} in the {@code pkipath} folder, or by default /etc/pki/CA/cacert.pem,
 * /etc/pki/libvirt/clientcert.pem and /etc/pki/libvirt/private/clientkey.pem. Keys may be PKCS#8 or PKCS#1 (RSA).
 */
final class X509Files {
    private X509Files() {
    }

    static SSLContext context(String pkipath, boolean noVerify) {
        Path ca = pkipath != null ? Path.of(pkipath, "cacert.pem") : Path.of("/etc/pki/CA/cacert.pem");
        Path cert = pkipath != null ? Path.of(pkipath, "clientcert.pem") : Path.of("/etc/pki/libvirt/clientcert.pem");
        Path key = pkipath != null ? Path.of(pkipath, "clientkey.pem")
                : Path.of("/etc/pki/libvirt/private/clientkey.pem");
        try {
            TrustManager[] trust;
            if (noVerify) {
                trust = new TrustManager[] {new AcceptAll()};
            } else {
                if (!Files.isReadable(ca)) {
                    throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                            "Cannot read CA certificate '" + ca + "': No such file or directory");
                }
                KeyStore ts = KeyStore.getInstance("PKCS12");
                ts.load(null, null);
                int i = 0;
                for (X509Certificate c : certificates(ca)) {
                    ts.setCertificateEntry("ca" + i++, c);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ts);
                trust = tmf.getTrustManagers();
            }
            KeyManagerFactory kmf = null;
            if (Files.isReadable(cert) && Files.isReadable(key)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                List<X509Certificate> chain = certificates(cert);
                ks.setKeyEntry("client", privateKey(key), new char[0], chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, new char[0]);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), trust, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Unable to load the x509 credentials: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        boolean ec = pem.contains("BEGIN EC PRIVATE KEY");
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        if (ec) {
            throw new GeneralSecurityException(file + ": SEC1 EC keys are not read; convert it to PKCS#8");
        }
        if (pkcs1) {
            der = pkcs1ToPkcs8(der);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException(file + ": not an RSA, EC or Ed25519 private key");
    }

    /** Wraps a PKCS#1 RSA key in PKCS#8's PrivateKeyInfo (version 0, rsaEncryption, the key as an octet string). */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algId = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
                0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octet = der((byte) 0x04, pkcs1);
        byte[] inner = new byte[version.length + algId.length + octet.length];
        System.arraycopy(version, 0, inner, 0, version.length);
        System.arraycopy(algId, 0, inner, version.length, algId.length);
        System.arraycopy(octet, 0, inner, version.length + algId.length, octet.length);
        return der((byte) 0x30, inner);
    }

    private static byte[] der(byte tag, byte[] content) {
        int n = content.length;
        byte[] len;
        if (n < 0x80) {
            len = new byte[] {(byte) n};
        } else if (n < 0x100) {
            len = new byte[] {(byte) 0x81, (byte) n};
        } else if (n < 0x10000) {
            len = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        } else {
            len = new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }
        byte[] out = new byte[1 + len.length + n];
        out[0] = tag;
        System.arraycopy(len, 0, out, 1, len.length);
        System.arraycopy(content, 0, out, 1 + len.length, n);
        return out;
    }

    /** no_verify=1: the server's certificate is not checked (libvirt's option for test set-ups). */
    private static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
