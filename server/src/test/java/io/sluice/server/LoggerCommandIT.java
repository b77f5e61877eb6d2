package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.support.TestServers;
import io.sluice.storage.JournalQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** util-linux {@code logger}, exactly as the README tells users to run it, over TCP in RFC 5424 and RFC 3164. */
class LoggerCommandIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldStoreWhatUtilLinuxLoggerSends() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")), "util-linux logger not installed");
        SluiceConfig config = TestServers.loopback(dataDir);
        try (SluiceServer server = SluiceServer.start(config)) {
            String port = String.valueOf(server.port("syslog-tcp"));
            logger("-n", "127.0.0.1", "-P", port, "-T", "--rfc5424", "-t", "myapp", "-p", "auth.warning",
                "--sd-id", "origin@32473", "--sd-param", "env=\"test\"", "hello from logger 5424");
            logger("-n", "127.0.0.1", "-P", port, "-T", "--rfc3164", "-t", "oldapp", "-p", "daemon.err",
                "hello from logger 3164");
            logger("-n", "127.0.0.1", "-P", port, "-T", "--octet-count", "--rfc5424", "-t", "counted",
                "hello octet counted");
        }
        List<LogEvent> stored = TestServers.stored(dataDir, JournalQueue.JOURNAL);
        assertEquals(3, stored.size(), stored::toString);
        LogEvent rfc5424 = stored.stream().filter(e -> "myapp".equals(e.fieldAsString(Field.APP_NAME))).findFirst()
            .orElseThrow();
        assertEquals(Format.RFC5424, rfc5424.format());
        assertEquals(4, rfc5424.facility());
        assertEquals(4, rfc5424.severity());
        assertEquals("hello from logger 5424", rfc5424.fieldAsString(Field.MESSAGE));
        assertEquals(true, rfc5424.fieldAsString(Field.STRUCTURED_DATA).contains("[origin@32473 env=\"test\"]"));
        LogEvent rfc3164 = stored.stream().filter(e -> "oldapp".equals(e.fieldAsString(Field.APP_NAME))).findFirst()
            .orElseThrow();
        assertEquals(Format.RFC3164, rfc3164.format());
        assertEquals(3, rfc3164.facility());
        assertEquals(3, rfc3164.severity());
        assertEquals("hello from logger 3164", rfc3164.fieldAsString(Field.MESSAGE));
        LogEvent counted = stored.stream().filter(e -> "counted".equals(e.fieldAsString(Field.APP_NAME))).findFirst()
            .orElseThrow();
        assertEquals("hello octet counted", counted.fieldAsString(Field.MESSAGE));
    }

    private static void logger(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/logger");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(true, p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "logger failed: " + out);
    }
}
