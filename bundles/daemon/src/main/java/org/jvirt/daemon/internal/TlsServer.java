package org.jvirt.daemon.internal;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS listener's x509 setup, as libvirtd's: the server's certificate and key, the CA that client certificates must
 * chain to (and its CRL when there is one), a client certificate required unless tls_no_verify_certificate, and the
 * optional allow-list of client DNs.
 */
final class TlsServer {
    private final SSLContext context;
    private final ListenerSpec.TlsSettings settings;

    private TlsServer(SSLContext context, ListenerSpec.TlsSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    static TlsServer load(ListenerSpec.TlsSettings s) throws IOException {
        try {
            List<X509Certificate> chain = PemFiles.certificates(s.cert());
            PrivateKey key = PemFiles.privateKey(s.key());
            List<X509Certificate> cas = PemFiles.certificates(s.ca());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] none = new char[0];
            keys.setKeyEntry("server", key, none, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, none);

            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate ca : cas) {
                anchors.add(new TrustAnchor(ca, null));
            }
            PKIXBuilderParameters pkix = new PKIXBuilderParameters(anchors, new X509CertSelector());
            if (s.crl() != null && Files.isReadable(s.crl())) {
                List<X509CRL> crls = PemFiles.crls(s.crl());
                pkix.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
                pkix.setRevocationEnabled(true);
            } else {
                pkix.setRevocationEnabled(false);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(new CertPathTrustManagerParameters(pkix));

            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return new TlsServer(ctx, s);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    /** The TLS layer over one client's socket; the handshake happens on its first read. */
    ByteChannel wrap(ByteChannel socket, String client) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        // TLS 1.2: Java sends TLS 1.3's session tickets after the handshake, and libvirt's client, reading the
        // server's confirmation byte once right after its handshake, would read a ticket in its place and give up
        engine.setEnabledProtocols(new String[] {"TLSv1.2"});
        if (settings.noVerifyCertificate()) {
            engine.setWantClientAuth(true);
        } else {
            engine.setNeedClientAuth(true);
        }
        return new TlsChannel(socket, engine, client, session -> ClientDnCheck.check(session,
                settings.noVerifyCertificate(), settings.allowedDnList()));
    }
}
