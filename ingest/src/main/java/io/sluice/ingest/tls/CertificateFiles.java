package io.sluice.ingest.tls;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * The PEM files a TLS listener serves: read into Vert.x options and checked before they replace anything, so that a
 * broken or half-written set is refused instead of failing every handshake after it.
 *
 * <p>Thread contract: stateless, safe from any thread; {@link #stamp()} and {@link #load} read files, so call them
 * from a worker, never from an event loop.
 */
final class CertificateFiles {
    private static final byte[] PROBE = "sluice key check".getBytes(StandardCharsets.US_ASCII);

    private final Path cert;
    private final Path key;
    private final Path clientCa;

    /** What {@link #load} found: the options to serve, the leaf certificate, and the stamp taken before reading. */
    record Loaded(String stamp, ServerSSLOptions options, X509Certificate leaf) {
        String summary() {
            return leaf.getSubjectX500Principal().getName() + ", serial " + leaf.getSerialNumber().toString(16)
                + ", valid until " + leaf.getNotAfter().toInstant();
        }
    }

    CertificateFiles(Path cert, Path key, Path clientCa) {
        this.cert = cert;
        this.key = key;
        this.clientCa = clientCa;
    }

    /**
     * What the file system says about the files: modification time, size and identity (inode) of each, following
     * symbolic links. It changes when a file is rewritten, replaced or re-linked (as Kubernetes swaps secrets); a
     * missing file is part of the stamp too.
     */
    String stamp() {
        String stamp = stampOf(cert) + " | " + stampOf(key);
        return clientCa == null ? stamp : stamp + " | " + stampOf(clientCa);
    }

    /** Reads the files and checks that they can be served; throws, with the reason, if not. */
    Loaded load(Vertx vertx) throws Exception {
        String stamp = stamp();
        // Values, not paths: what is checked here is exactly what Vert.x then loads.
        PemKeyCertOptions keyCert = new PemKeyCertOptions()
            .setCertValue(read(cert))
            .setKeyValue(read(key));
        X509Certificate leaf = checkKeyMatchesCertificate(keyCert, vertx);
        ServerSSLOptions options = new ServerSSLOptions().setKeyCertOptions(keyCert);
        if (clientCa != null) {
            PemTrustOptions trust = new PemTrustOptions().addCertValue(read(clientCa));
            trust.getTrustManagerFactory(vertx); // parses the bundle: an unusable one fails here
            options.setTrustOptions(trust).setClientAuth(ClientAuth.REQUIRED);
        }
        return new Loaded(stamp, options, leaf);
    }

    /**
     * Signs with the private key and verifies with the certificate's public key: a renewed certificate copied in
     * before its new key (or with the wrong one) parses fine but would fail every handshake.
     */
    private static X509Certificate checkKeyMatchesCertificate(PemKeyCertOptions keyCert, Vertx vertx)
        throws Exception {
        KeyStore store = keyCert.loadKeyStore(vertx);
        String alias = Collections.list(store.aliases()).stream().filter(a -> isKeyEntry(store, a)).findFirst()
            .orElseThrow(() -> new GeneralSecurityException("no private key with a certificate"));
        X509Certificate leaf = (X509Certificate) store.getCertificate(alias);
        PublicKey publicKey = leaf.getPublicKey();
        X509KeyManager keyManager = x509KeyManager(keyCert.getKeyManagerFactory(vertx).getKeyManagers());
        String[] serverAliases = keyManager.getServerAliases(publicKey.getAlgorithm(), null);
        if (serverAliases == null || serverAliases.length == 0) {
            throw new GeneralSecurityException("no " + publicKey.getAlgorithm() + " key for the certificate");
        }
        PrivateKey privateKey = keyManager.getPrivateKey(serverAliases[0]);
        String algorithm = signatureAlgorithm(publicKey.getAlgorithm());
        if (algorithm != null) {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(PROBE);
            byte[] signed = signature.sign();
            signature.initVerify(publicKey);
            signature.update(PROBE);
            if (!signature.verify(signed)) {
                throw new GeneralSecurityException("the private key does not belong to certificate "
                    + leaf.getSubjectX500Principal().getName());
            }
        }
        return leaf;
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509KeyManager x509KeyManager(KeyManager[] managers) throws GeneralSecurityException {
        for (KeyManager manager : managers) {
            if (manager instanceof X509KeyManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 key manager");
    }

    /** Null for a key type Vert.x cannot load anyway (it reads RSA and EC keys). */
    private static String signatureAlgorithm(String keyAlgorithm) {
        switch (keyAlgorithm) {
            case "RSA":
                return "SHA256withRSA";
            case "EC":
                return "SHA256withECDSA";
            default:
                return null;
        }
    }

    private static Buffer read(Path path) throws IOException {
        return Buffer.buffer(Files.readAllBytes(path));
    }

    private static String stampOf(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.lastModifiedTime() + "/" + attributes.size() + "/" + attributes.fileKey();
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    @Override
    public String toString() {
        return clientCa == null ? cert + ", " + key : cert + ", " + key + ", client CA " + clientCa;
    }
}
