package io.sluice.ingest.tls;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI made with the {@code openssl} CLI in a directory: one CA; two server certificates for
 * 127.0.0.1 / localhost signed by it (EC with serial {@link #SERVER_SERIAL}, RSA with serial
 * {@link #SERVER2_SERIAL}, so that a reload test can tell them apart and covers both key types); a client
 * certificate signed by it, also as a PKCS#12 file for JDK clients.
 */
final class TestCertificates {
    static final Path OPENSSL = Path.of("/usr/bin/openssl");
    static final BigInteger SERVER_SERIAL = BigInteger.valueOf(1001);
    static final BigInteger SERVER2_SERIAL = BigInteger.valueOf(1002);
    private static final String P12_PASSWORD = "changeit";

    final Path caCert;
    final Path serverCert;
    final Path serverKey;
    final Path server2Cert;
    final Path server2Key;
    final Path clientCert;
    final Path clientKey;
    private final Path clientP12;
    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
        caCert = dir.resolve("ca.pem");
        serverCert = dir.resolve("server.pem");
        serverKey = dir.resolve("server.key");
        server2Cert = dir.resolve("server2.pem");
        server2Key = dir.resolve("server2.key");
        clientCert = dir.resolve("client.pem");
        clientKey = dir.resolve("client.key");
        clientP12 = dir.resolve("client.p12");
    }

    static boolean opensslAvailable() {
        return Files.isExecutable(OPENSSL);
    }

    /** Generates everything in {@code dir} (about half a second). */
    static TestCertificates create(Path dir) throws IOException, InterruptedException {
        TestCertificates pki = new TestCertificates(dir);
        pki.generate();
        return pki;
    }

    private void generate() throws IOException, InterruptedException {
        Path caKey = dir.resolve("ca.key");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", caKey.toString(), "-out", caCert.toString(), "-days", "2", "-subj", "/CN=Sluice Test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Path serverExt = write("server.ext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n");
        Path clientExt = write("client.ext", "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n");
        signed("ec", serverKey, serverCert, "/CN=sluice-server-1", SERVER_SERIAL, serverExt, caKey);
        signed("rsa", server2Key, server2Cert, "/CN=sluice-server-2", SERVER2_SERIAL, serverExt, caKey);
        signed("ec", clientKey, clientCert, "/CN=sluice-test-client", BigInteger.valueOf(2001), clientExt, caKey);
        openssl("pkcs12", "-export", "-in", clientCert.toString(), "-inkey", clientKey.toString(),
            "-out", clientP12.toString(), "-passout", "pass:" + P12_PASSWORD, "-name", "client");
    }

    /** A key ({@code ec} P-256 or {@code rsa} 2048) and a certificate for it signed by the CA. */
    private void signed(String keyType, Path key, Path cert, String subject, BigInteger serial, Path extensions,
                        Path caKey) throws IOException, InterruptedException {
        Path csr = dir.resolve(cert.getFileName() + ".csr");
        List<String> request = new ArrayList<>(List.of("req", "-new", "-nodes", "-keyout", key.toString(),
            "-out", csr.toString(), "-subj", subject, "-newkey"));
        request.addAll(keyType.equals("rsa") ? List.of("rsa:2048")
            : List.of("ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"));
        openssl(request.toArray(String[]::new));
        openssl("x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
            "-set_serial", serial.toString(), "-days", "2", "-out", cert.toString(), "-extfile",
            extensions.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(OPENSSL.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    /** A JDK client context that trusts the test CA, presenting the client certificate if asked to. */
    SSLContext clientContext(boolean presentClientCertificate) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caCert)) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (presentClientCertificate) {
            KeyStore client = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(clientP12)) {
                client.load(in, P12_PASSWORD.toCharArray());
            }
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(client, P12_PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
