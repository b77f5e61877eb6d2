package io.sluice.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyPoolTest {
    private static final List<LogSample> SAMPLES = List.of(
        CorpusReader.parse("Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186", "openssh", 0),
        CorpusReader.parse("[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6", "apache", 1));

    @Test
    void shouldSizePoolBetweenBoundsByMessageSize() {
        assertEquals(BodyPool.MAX_LINES, BodyPool.poolLines(100));
        assertEquals(BodyPool.POOL_BYTES / 2049, BodyPool.poolLines(2048));
        assertEquals(BodyPool.MIN_LINES, BodyPool.poolLines(60_000));
    }

    @Test
    void shouldMakeEveryLineExactlyTheMessageSizeFollowedByNewline() {
        for (int size : new int[] {64, 100, 200, 500, 2048}) {
            BodyPool pool = BodyPool.build(BodyPool.Format.RFC3164, size, SAMPLES);
            byte[] all = pool.slice(0, pool.lineCount());
            for (int i = 0; i < pool.lineCount(); i++) {
                int end = i * pool.frameBytes() + size;
                assertEquals('\n', all[end], "line " + i + " of size " + size);
                for (int j = i * pool.frameBytes(); j < end; j++) {
                    assertTrue(all[j] >= 0x20 && all[j] < 0x7f, "printable ASCII only");
                }
                assertTrue(all[end - 1] != ' ', "no trailing space");
            }
        }
    }

    @Test
    void shouldWriteSyslogHeaderWithHostAppAndSeverity() {
        BodyPool pool = BodyPool.build(BodyPool.Format.RFC3164, 200, SAMPLES);
        String first = new String(pool.slice(0, 1), StandardCharsets.US_ASCII);
        String second = new String(pool.slice(1, 1), StandardCharsets.US_ASCII);
        assertTrue(first.startsWith("<14>Nov 23 10:00:00 LabSZ sshd[1000]: Invalid user webmaster"), first);
        assertTrue(second.startsWith("<11>Nov 23 10:00:00 apache-node1 apache[1001]: [Sun Dec 04"), second);
    }

    @Test
    void shouldWriteValidNdjsonOfExactSize() throws Exception {
        BodyPool pool = BodyPool.build(BodyPool.Format.NDJSON, 300, SAMPLES);
        ObjectMapper json = new ObjectMapper();
        for (String line : new String(pool.slice(0, 4), StandardCharsets.US_ASCII).split("\n")) {
            assertEquals(300, line.length());
            JsonNode node = json.readTree(line);
            assertTrue(node.path("message").asText().length() > 100);
        }
        assertEquals("error", json.readTree(new String(pool.slice(1, 1), StandardCharsets.US_ASCII))
            .path("level").asText());
    }

    @Test
    void shouldRefuseMessagesTooShortForAHeader() {
        assertThrows(IllegalArgumentException.class, () -> BodyPool.build(BodyPool.Format.RFC3164, 10, SAMPLES));
    }

    @Test
    void shouldReadAcceptedCountFromIngestAnswer() {
        assertEquals(498, HttpNdjsonLoad.acceptedCount("{\"accepted\":498,\"rejected\":2,\"errors\":[]}", 500));
        assertEquals(500, HttpNdjsonLoad.acceptedCount("{}", 500));
    }
}
