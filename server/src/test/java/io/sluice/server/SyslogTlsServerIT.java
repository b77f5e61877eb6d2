package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.support.SluiceProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syslog over TLS as a user turns it on: the jar with --tls-cert/--tls-key opens syslog-tls (named in the listening
 * line), a JDK TLS client sends octet-counted RFC 5425 frames, and SIGHUP makes the server take a replaced
 * certificate without a restart.
 */
class SyslogTlsServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldAcceptTlsSyslogAndReloadTheCertificateOnSighup() throws Exception {
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        selfSigned(cert, key, "1001");
        Path data = dir.resolve("data");
        int port;
        try (SluiceProcess sluice = SluiceProcess.run(data, "--syslog-tls-port", "0", "--tls-cert", cert.toString(),
            "--tls-key", key.toString())) {
            port = sluice.port("syslog-tls");
            assertEquals(new BigInteger("1001", 16), send(port, cert, "<13>1 2026-11-23T10:00:00Z h tls-app - - - one"));

            Path newCert = dir.resolve("new.crt");
            Path newKey = dir.resolve("new.key");
            selfSigned(newCert, newKey, "2002");
            Files.move(newKey, key, StandardCopyOption.REPLACE_EXISTING);
            Files.move(newCert, cert, StandardCopyOption.REPLACE_EXISTING);
            run("kill", "-HUP", Long.toString(sluice.pid()));
            BigInteger served = waitForSerial(port, cert, new BigInteger("2002", 16));
            assertEquals(new BigInteger("2002", 16), served, "after SIGHUP new clients get the new certificate");
            assertTrue(sluice.output().stream()
                    .anyMatch(l -> l.startsWith("SIGHUP: ") && l.contains("syslog-tls certificates reloaded")),
                sluice.output()::toString);
            assertEquals(0, sluice.terminate());
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : SluiceProcess.runToCompletion("replay", "--data-dir", data.toString())) {
            events.add(JSON.readTree(line));
        }
        assertTrue(events.size() >= 2, events::toString);
        assertEquals("tls", events.get(0).get("transport").asText());
        assertEquals("tls-app", events.get(0).get("appName").asText());
        assertEquals("one", events.get(0).get("message").asText());
    }

    /** Sends one octet-counted frame trusting only {@code cert}; returns the serial of the certificate served. */
    private static BigInteger send(int port, Path cert, String message) throws Exception {
        try (SSLSocket socket = (SSLSocket) context(cert).getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            BigInteger serial = ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return serial;
        }
    }

    private static BigInteger waitForSerial(int port, Path cert, BigInteger expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        BigInteger served = null;
        while (System.nanoTime() < deadline) {
            try {
                served = send(port, cert, "<13>1 2026-11-23T10:00:00Z h tls-app - - - after reload");
                if (expected.equals(served)) {
                    return served;
                }
            } catch (javax.net.ssl.SSLException stillOld) {
                assertNotEquals(null, stillOld); // the old certificate is not trusted any more: keep waiting
            }
            Thread.sleep(100);
        }
        return served;
    }

    private static SSLContext context(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("sluice", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static void selfSigned(Path cert, Path key, String serialHex) throws Exception {
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-days", "2",
            "-set_serial", "0x" + serialHex, "-keyout", key.toString(), "-out", cert.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + output);
    }
}
