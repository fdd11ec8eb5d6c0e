package org.jvirt.daemon.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PEM files of libvirt's x509 layout: certificates and CRLs (which Java reads as they are), and private keys in
 * the forms certtool and openssl write: PKCS#8 ("PRIVATE KEY"), PKCS#1 RSA ("RSA PRIVATE KEY") and SEC1 EC
 * ("EC PRIVATE KEY"), the last two wrapped into PKCS#8 here. Encrypted keys are refused (libvirtd cannot read them
 * either).
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** rsaEncryption and id-ecPublicKey. */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
        0x01, 0x01};
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(Files.readAllBytes(file)))) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + file);
        }
        return out;
    }

    static List<X509CRL> crls(Path file) throws IOException, GeneralSecurityException {
        List<X509CRL> out = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCRLs(
                new ByteArrayInputStream(Files.readAllBytes(file)))) {
            out.add((X509CRL) c);
        }
        return out;
    }

    static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der);
                case "RSA PRIVATE KEY":
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                            wrap(sequence(RSA_OID, new byte[] {0x05, 0x00}), der)));
                case "EC PRIVATE KEY":
                    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            wrap(sequence(EC_OID, curveOf(der)), der)));
                case "ENCRYPTED PRIVATE KEY":
                    throw new GeneralSecurityException(file + ": the private key is encrypted");
                default:
                    // certificates or parameters before the key
            }
        }
        throw new GeneralSecurityException("no private key in " + file);
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "EdDSA", "XDH"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unsupported private key", last);
    }

    /** PrivateKeyInfo: version 0, the algorithm, the key as an octet string. */
    private static byte[] wrap(byte[] algorithm, byte[] key) {
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key)));
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    /** The named curve in a SEC1 ECPrivateKey's [0] parameters. */
    private static byte[] curveOf(byte[] sec1) throws GeneralSecurityException {
        Der seq = new Der(sec1, 0);
        if (seq.tag != 0x30) {
            throw new GeneralSecurityException("not an EC private key");
        }
        int p = seq.start;
        while (p < seq.end) {
            Der item = new Der(sec1, p);
            if (item.tag == 0xa0) {
                Der oid = new Der(sec1, item.start);
                return java.util.Arrays.copyOfRange(sec1, oid.offset, oid.end);
            }
            p = item.end;
        }
        throw new GeneralSecurityException("the EC private key names no curve");
    }

    /** One DER element: its tag, where its content starts and ends. */
    private static final class Der {
        final int tag;
        final int offset;
        final int start;
        final int end;

        Der(byte[] b, int at) throws GeneralSecurityException {
            try {
                offset = at;
                tag = b[at] & 0xff;
                int len = b[at + 1] & 0xff;
                int p = at + 2;
                if (len > 0x80) {
                    int n = len & 0x7f;
                    len = 0;
                    for (int i = 0; i < n; i++) {
                        len = (len << 8) | (b[p++] & 0xff);
                    }
                }
                start = p;
                end = p + len;
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new GeneralSecurityException("truncated DER", e);
            }
        }
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
