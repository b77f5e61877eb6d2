package io.sluice.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.TestEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real log samples from loghub ({@code shared/corpora/loghub}, logpai/loghub, see its README and LICENSE): lines of
 * other formats must stay RAW, never dropped nor dressed up as syslog; BSD syslog files must parse as RFC 3164.
 */
class LoghubDetectionTest {
    @ParameterizedTest
    @ValueSource(strings = {"Apache", "HDFS", "Zookeeper", "Android", "BGL", "Thunderbird"})
    void shouldKeepEveryLineOfNonSyslogLogsRaw(String system) throws IOException {
        SyslogDecoder decoder = new SyslogDecoder();
        List<String> lines = lines(system);
        for (String line : lines) {
            LogEvent e = TestEvents.raw(line);
            decoder.decode(e);
            assertEquals(Format.RAW, e.format(), line);
            assertEquals(line, e.fieldAsString(Field.MESSAGE));
        }
        assertEquals(lines.size(), decoder.rawFallbacks());
    }

    @ParameterizedTest
    @CsvSource({"Linux, 2000", "Mac, 2000", "OpenSSH, 2000"})
    void shouldParseEveryLineOfBsdSyslogFiles(String system, int expected) throws IOException {
        int parsed = 0;
        for (String line : lines(system)) {
            LogEvent e = TestEvents.raw(line);
            new SyslogDecoder().decode(e);
            parsed += e.format() == Format.RFC3164 && e.has(Field.HOSTNAME) && e.has(Field.APP_NAME) ? 1 : 0;
        }
        assertEquals(expected, parsed);
    }

    /**
     * Host, program, pid and content as loghub's structured CSV has them. Skipped: rows whose Component holds a
     * space ({@code syslogd 1.4.1}, {@code -- root}): loghub's regex took two words, a tag is one.
     */
    @ParameterizedTest
    @ValueSource(strings = "Linux")
    void shouldFindTheFieldsLoghubExtracted(String system) throws IOException {
        List<String> lines = lines(system);
        List<String> rows = Files.readAllLines(dir().resolve(system).resolve(system + "_2k.log_structured.csv"),
            StandardCharsets.UTF_8);
        int compared = 0;
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = csv(rows.get(i)); // LineId,Month,Date,Time,Level(=host),Component,PID,Content,...
            if (row.get(5).contains(" ")) {
                continue;
            }
            LogEvent e = TestEvents.raw(lines.get(Integer.parseInt(row.get(0)) - 1));
            new SyslogDecoder().decode(e);
            String context = rows.get(i);
            assertEquals(row.get(4), e.fieldAsString(Field.HOSTNAME), context);
            assertEquals(row.get(5), e.fieldAsString(Field.APP_NAME), context);
            assertEquals(row.get(6).isEmpty() ? null : row.get(6), e.fieldAsString(Field.PROC_ID), context);
            assertEquals(row.get(7).strip(), e.has(Field.MESSAGE) ? e.fieldAsString(Field.MESSAGE).strip() : "", context);
            compared++;
        }
        assertEquals(rows.size() - 1 - 8, compared, "rows compared");
    }

    private static List<String> lines(String system) throws IOException {
        Path log = dir().resolve(system).resolve(system + "_2k.log");
        assertTrue(Files.isRegularFile(log), "loghub corpus not present (../shared/corpora): " + log);
        List<String> lines = new ArrayList<>();
        for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")) {
            String stripped = line.replace("\r", ""); // CRLF files with stray CRs (loghub README)
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        return lines;
    }

    private static Path dir() {
        String root = System.getProperty("sluice.corpora");
        return (root == null || root.isBlank() ? Paths.get("/work/shared/corpora") : Paths.get(root)).resolve("loghub");
    }

    /** One RFC 4180 record without embedded newlines. */
    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
