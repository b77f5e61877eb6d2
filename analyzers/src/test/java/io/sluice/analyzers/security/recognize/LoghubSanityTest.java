package io.sluice.analyzers.security.recognize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real sshd / Linux auth logs from loghub (logpai/loghub, research-use notice in {@code shared/corpora/loghub}) run
 * through decoder and recognizer: no exception, some failures found; the counts per action are printed for the
 * README. No per-line labels exist, so nothing more is asserted.
 */
class LoghubSanityTest {
    private final SyslogDecoder decoder = new SyslogDecoder();
    private final LogSecurityRecognizer recognizer = new LogSecurityRecognizer();
    private final LogEvent event = new LogEvent();
    private final SecuritySignal signal = new SecuritySignal();

    @Test
    void shouldFindFailuresInTheOpenSshAndLinuxSamples() throws IOException {
        for (String file : new String[] {"OpenSSH/OpenSSH_2k.log", "Linux/Linux_2k.log"}) {
            Path path = Fail2banGroundTruthTest.corpora().resolve("loghub").resolve(file);
            assertTrue(Files.isRegularFile(path), "loghub sample missing: " + path);
            Map<SecurityAction, Integer> counts = new EnumMap<>(SecurityAction.class);
            int lines = 0;
            int failures = 0;
            for (String line : Files.readAllLines(path, StandardCharsets.ISO_8859_1)) {
                byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
                event.setRaw(bytes, 0, bytes.length);
                decoder.decode(event);
                lines++;
                if (recognizer.recognize(event, signal)) {
                    counts.merge(signal.action(), 1, Integer::sum);
                    failures += LogSecurityRecognizer.isFailure(signal) ? 1 : 0;
                }
            }
            System.out.printf("loghub %-22s lines %5d, failures %5d, by action %s%n", file, lines, failures, counts);
            assertTrue(failures > 0, file + ": no failure recognized");
        }
    }
}
