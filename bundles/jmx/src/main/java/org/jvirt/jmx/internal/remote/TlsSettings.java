package org.jvirt.jmx.internal.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the remote connector: the server's key and certificate (a keystore), the certificates it trusts for client
 * authentication (a truststore; without one, the JDK's), whether a client must present a certificate, whether the
 * RMI registry speaks TLS too, and the protocols and cipher suites (empty: the JDK's defaults).
 */
record TlsSettings(Path keystore, String keystoreType, char[] keystorePassword, char[] keyPassword, Path truststore,
        String truststoreType, char[] truststorePassword, boolean needClientAuth, boolean registry,
        List<String> protocols, List<String> ciphers) {

    /** An SSLContext with the keystore's key and the truststore's certificates. */
    SSLContext context() {
        try {
            KeyStore keys = load(keystore, keystoreType, keystorePassword);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, keyPassword);
            TrustManagerFactory tmf = null;
            if (truststore != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(truststore, truststoreType, truststorePassword));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String type, char[] password) throws IOException,
            GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return store;
    }

    // the passwords stay out of logs
    @Override
    public String toString() {
        return "TLS[keystore=" + keystore + ", truststore=" + truststore + ", needClientAuth=" + needClientAuth
                + ", registry=" + registry + ", protocols=" + protocols + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsSettings t && toString().equals(t.toString())
                && java.util.Arrays.equals(keystorePassword, t.keystorePassword)
                && java.util.Arrays.equals(keyPassword, t.keyPassword)
                && java.util.Arrays.equals(truststorePassword, t.truststorePassword)
                && keystoreType.equals(t.keystoreType) && truststoreType.equals(t.truststoreType)
                && ciphers.equals(t.ciphers);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
