package io.sluice.analyzers.security.recognize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every scan stays inside the event's bytes: each real attack line cut at every length, and random bytes, are
 * recognized in slots whose buffer is exactly as long as the line, so reading one byte past the end would throw.
 */
class RecognizerRobustnessTest {
    private final SyslogDecoder decoder = new SyslogDecoder();
    private final LogSecurityRecognizer recognizer = new LogSecurityRecognizer();
    private final SecuritySignal signal = new SecuritySignal();

    @Test
    void shouldNeverReadPastTheLineWhateverItIsCutTo() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fail2banGroundTruthTest.corpora().resolve("fail2ban").resolve("logs"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                    lines.add(line.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
        int recognized = 0;
        for (byte[] line : lines) {
            for (int length = 0; length <= line.length; length++) {
                recognized += recognize(line, length) ? 1 : 0;
            }
        }
        assertTrue(recognized > lines.size(), "cut lines were recognized " + recognized + " times");
    }

    @Test
    void shouldSurviveRandomBytes() {
        Random random = new Random(7);
        byte[] alphabet = " =[]\"':;,.()<>/-_0123456789abcdefSRCDPTHTP".getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; n < 20_000; n++) {
            byte[] line = new byte[random.nextInt(120)];
            for (int i = 0; i < line.length; i++) {
                line[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            recognize(line, line.length);
        }
    }

    private boolean recognize(byte[] line, int length) {
        LogEvent event = new LogEvent(Math.max(length, 1));
        event.setRaw(line, 0, length);
        decoder.decode(event);
        return recognizer.recognize(event, signal);
    }
}
