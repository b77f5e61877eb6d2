package io.sluice.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.TestEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance against other parsers' test tables ({@code shared/corpora/syslog/*.jsonl}, see its README for origin
 * and the normalisations applied in {@link CorpusExpectations}). Every case of every file runs as its own test.
 *
 * <p>Valid cases go through {@link SyslogDecoder} (auto-detect) and must give the case's format and every expected
 * key. Invalid cases must be rejected by the strict parser of their format, and SyslogDecoder must keep the line:
 * RAW with the whole line as message, or, for a line that does not claim RFC 5424 ({@code <PRI>} not followed by
 * {@code VERSION SP}), the lenient RFC 3164 reading any BSD relay would give it.
 *
 * <p>Deliberate deviations are listed in {@link #ALLOW_LIST} with the keys they excuse and why; an entry that no
 * longer deviates fails the test, so the list stays honest.
 */
class SyslogCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** syslog-ng's test "now" (2019-02-08T08:37:49Z): the receive time its year-less dates are resolved against. */
    private static final long SYSLOG_NG_NOW_NANOS = 1_549_615_069L * 1_000_000_000L;

    private static final String NO_PRI_NO_DATE = "a line with neither PRI nor date is not syslog: Sluice keeps it "
        + "RAW (else every non-syslog log line, e.g. loghub's, would get an invented host and tag)";
    private static final String NO_HOSTNAME_FLAG = "syslog-ng run with the no-hostname flag (LP_EXPECT_HOSTNAME "
        + "absent), so its first word is the program; Sluice always expects a hostname after a BSD date";
    private static final String BAD_HOSTNAME_RE = "syslog-ng configured with bad-hostname '^ctld' (never a host); "
        + "Sluice has no such option and takes 'ctld' as the hostname";
    private static final String LONG_SD_NAME = "SD-ID/PARAM-NAME longer than 32: syslog-ng accepts, Sluice rejects "
        + "per RFC 5424 6.3 like go-syslog (whose 33-char PARAM-NAME case is invalid): stored RAW";
    private static final String LONG_HEADER_FIELD = "header field over its RFC 5424 limit: syslog-ng truncates it "
        + "and parses on, Sluice rejects like go-syslog (over-long APP-NAME/PROCID cases invalid): stored RAW";

    private static final String TAG_WITHOUT_COLON = "a word after the hostname not followed by ':' or '[': "
        + "go-syslog says no TAG, rsyslog (parse1 #11, #21, parse2 #0) and syslog-ng take it as the TAG; Sluice too";

    /** source id -> deviation. Keep short: each entry is a decision, not a bug to hide. */
    static final Map<String, Deviation> ALLOW_LIST = Map.ofEntries(
        Map.entry("rsyslog/rsyslog tests/parsertest-parse-nodate.sh (#1)", Deviation.of(NO_PRI_NO_DATE, "*")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_simple_message #0)",
            Deviation.of(NO_PRI_NO_DATE, "*")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_timestamp #3)",
            Deviation.of(NO_HOSTNAME_FLAG, "hostname", "appname", "message")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_timestamp_others #4)",
            Deviation.of(BAD_HOSTNAME_RE, "hostname", "appname", "message")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_timestamp_others #5)",
            Deviation.of(BAD_HOSTNAME_RE, "hostname", "appname", "message")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_timestamp_others #7)",
            Deviation.of(BAD_HOSTNAME_RE, "hostname", "appname", "message")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_timestamp_others #8)",
            Deviation.of(BAD_HOSTNAME_RE, "hostname", "appname", "message")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_parse_longer_than_32_sd_id #0)",
            Deviation.of(LONG_SD_NAME, "format")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_expected_sd_pairs_long #1)",
            Deviation.of(LONG_SD_NAME, "format")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_expected_sd_pairs_long #2)",
            Deviation.of(LONG_SD_NAME, "format")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_unescaped_too_long_message_parts #1)",
            Deviation.of(LONG_HEADER_FIELD, "format")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_unescaped_too_long_message_parts #2)",
            Deviation.of(LONG_HEADER_FIELD, "format")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_expected_sd_pairs_long #5)",
            Deviation.of("syslog-ng cuts SD values at 255 bytes; Sluice keeps the value whole (RFC 5424 sets no "
                + "limit)", "syslog_ng_sd_str", "syslog_ng_sdata")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_ip_in_host #4)",
            Deviation.of("a lone word after a BSD date: syslog-ng takes the program, rsyslog (parse1 #9, #23) the "
                + "hostname; Sluice follows rsyslog", "hostname", "appname")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_no_header_flag #0)",
            Deviation.of("syslog-ng run with no-header (LP_NO_HEADER): all after PRI is the message; Sluice reads "
                + "'<PRI>word rest' as TAG and MSG like syslog-ng's default (test_sanitize_utf8 #0)",
                "appname", "message")),
        Map.entry("syslog-ng/syslog-ng lib/tests/test_msgparse.c (test_timestamp_others #11)",
            Deviation.of("year-less 'NOV 22' received 2019-02-08: syslog-ng only wraps Dec/Jan and says 2019; "
                + "Sluice takes a date > 31 days ahead of receipt as last year: 2018", "timestamp",
                "timestamp_epoch")),
        Map.entry("rsyslog/rsyslog tests/parsertest-parse1.sh (#20)",
            Deviation.of("'22:18:24 2009': syslog-ng reads a year after the time (test_expected_sd_pairs_0 #2), "
                + "rsyslog takes '2009' as the hostname; Sluice follows syslog-ng", "hostname", "message")),
        Map.entry("rsyslog/rsyslog tests/parsertest-parse1.sh (#18)",
            Deviation.of("SD-PARAM 'eventSource= \"Application\"' has a space after '=': not RFC 5424; rsyslog "
                + "tolerates it, Sluice rejects like go-syslog and stores the line RAW", "format")),
        Map.entry("influxdata/go-syslog rfc3164/machine_test.go (testCases #3)",
            Deviation.of(TAG_WITHOUT_COLON, "appname", "message")),
        Map.entry("influxdata/go-syslog rfc3164/machine_test.go (testCases #5)",
            Deviation.of(TAG_WITHOUT_COLON, "appname", "message")));

    private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>(); // file -> {cases, passed, allowed}
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @TestFactory
    Stream<DynamicNode> everyCorpusFileConforms() throws IOException {
        Path dir = corpusDirectory();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted()
                .collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), "no *.jsonl in " + dir);
        List<DynamicNode> containers = new ArrayList<>();
        for (Path file : files) {
            containers.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), cases(file)));
        }
        return containers.stream();
    }

    @AfterAll
    static void printCountsAndCheckAllowList() {
        new TreeMap<>(COUNTS).forEach((file, c) -> System.out.printf(
            "syslog corpus %-28s %3d cases: %3d pass, %2d allow-listed, %2d fail%n",
            file, c[0], c[1], c[2], c[0] - c[1] - c[2]));
        if (!COUNTS.isEmpty()) {
            Set<String> unused = new java.util.TreeSet<>(ALLOW_LIST.keySet());
            unused.removeAll(SEEN);
            assertTrue(unused.isEmpty(), "allow-list entries matching no corpus case: " + unused);
        }
    }

    private static Path corpusDirectory() {
        String root = System.getProperty("sluice.corpora");
        Path base = root == null || root.isBlank() ? Paths.get("/work/shared/corpora") : Paths.get(root);
        return base.resolve("syslog");
    }

    private static Stream<DynamicNode> cases(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(lines.get(i));
            tests.add(DynamicTest.dynamicTest(displayName(i + 1, node), () -> check(fileName, node)));
        }
        return tests.stream();
    }

    private static void check(String file, JsonNode c) {
        String id = c.get("source").asText();
        SEEN.add(id);
        int[] counts = COUNTS.computeIfAbsent(file, f -> new int[3]);
        synchronized (counts) {
            counts[0]++;
        }
        byte[] input = input(c);
        LogEvent event = event(input, id);
        new SyslogDecoder().decode(event);
        List<Mismatch> mismatches = c.get("valid").asBoolean()
            ? new CorpusExpectations(c, event).mismatches()
            : invalidCaseMismatches(c, input, event);
        Deviation deviation = ALLOW_LIST.get(id);
        if (deviation == null) {
            assertEquals(List.of(), mismatches, id);
            synchronized (counts) {
                counts[1]++;
            }
            return;
        }
        List<Mismatch> unexcused = mismatches.stream().filter(m -> !deviation.excuses(m.key()))
            .collect(Collectors.toList());
        assertEquals(List.of(), unexcused, id + " (allow-listed only for " + deviation.keys() + ")");
        assertFalse(mismatches.isEmpty(), id + " is allow-listed but now conforms: remove it from ALLOW_LIST");
        synchronized (counts) {
            counts[2]++;
        }
    }

    /** The strict parser of the case's format must reject it; SyslogDecoder must keep every byte of the line. */
    private static List<Mismatch> invalidCaseMismatches(JsonNode c, byte[] input, LogEvent decoded) {
        List<Mismatch> out = new ArrayList<>();
        String format = c.get("format").asText();
        boolean mayAccept = c.path("strict_only").asBoolean() || c.path("lenient").asBoolean();
        LogEvent strict = event(input, c.get("source").asText());
        boolean accepted = "rfc5424".equals(format) ? new Rfc5424Decoder().decode(strict)
            : new Rfc3164Decoder().decode(strict);
        if (accepted && !mayAccept) {
            out.add(new Mismatch("valid", "rejected by the strict " + format + " parser", "accepted"));
        }
        if (accepted && c.path("strict_only").asBoolean()) {
            expectMessageAfterBom(input, strict, out); // lenient acceptance: the message is the bytes as sent
        }
        if (decoded.rawLength() != input.length || !Arrays.equals(input, 0, input.length, decoded.raw(), 0,
            decoded.rawLength())) {
            out.add(new Mismatch("raw", "line kept", "raw bytes changed"));
        }
        if (decoded.format() == Format.RAW) {
            if (decoded.spanOffset(io.sluice.core.Field.MESSAGE) != 0
                || decoded.spanLength(io.sluice.core.Field.MESSAGE) != input.length) {
                out.add(new Mismatch("message", "whole line", decoded.fieldAsString(io.sluice.core.Field.MESSAGE)));
            }
        } else if (!(mayAccept && decoded.format() == Format.RFC5424)
            && (format.equals(decoded.format().label()) || Rfc5424Decoder.claims(input, input.length))) {
            out.add(new Mismatch("format", "raw (or lenient rfc3164 for a line not claiming rfc5424)",
                decoded.format().label()));
        }
        return out;
    }

    private static void expectMessageAfterBom(byte[] input, LogEvent strict, List<Mismatch> out) {
        int bom = indexOfBom(input);
        io.sluice.core.Field message = io.sluice.core.Field.MESSAGE;
        if (bom < 0 || strict.spanOffset(message) != bom + 3 || strict.spanLength(message) != input.length - bom - 3) {
            out.add(new Mismatch("message", "bytes after the BOM", strict.fieldAsString(message)));
        }
    }

    private static int indexOfBom(byte[] b) {
        for (int i = 0; i + 2 < b.length; i++) {
            if (b[i] == (byte) 0xEF && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
                return i;
            }
        }
        return -1;
    }

    private static LogEvent event(byte[] input, String sourceId) {
        LogEvent event = TestEvents.raw(input);
        if (sourceId.startsWith("syslog-ng/")) {
            event.setReceivedAtNanos(SYSLOG_NG_NOW_NANOS);
        }
        return event;
    }

    private static byte[] input(JsonNode c) {
        JsonNode text = c.get("input");
        return text == null || text.isNull() ? Base64.getDecoder().decode(c.get("input_base64").asText())
            : text.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static String displayName(int line, JsonNode c) {
        String source = c.get("source").asText();
        int paren = source.lastIndexOf('(');
        String where = paren >= 0 ? source.substring(paren + 1, source.length() - 1) : source;
        String input = c.hasNonNull("input") ? c.get("input").asText() : "base64:" + c.get("input_base64").asText();
        String shortInput = input.length() > 70 ? input.substring(0, 70) + "..." : input;
        return "line " + line + " " + where + (c.get("valid").asBoolean() ? " " : " [invalid] ")
            + shortInput.replace("\n", "\\n").replace("\r", "\\r");
    }

    /** One expected key whose value differs. */
    record Mismatch(String key, Object expected, Object actual) {
    }

    /** Keys a listed case may differ in ("*" = all), and why. */
    record Deviation(Set<String> keys, String reason) {
        static Deviation of(String reason, String... keys) {
            return new Deviation(Set.of(keys), reason);
        }

        /** "syslog_ng_sdata" also excuses its entries "syslog_ng_sdata.SDATA.id.param". */
        boolean excuses(String key) {
            return keys.contains("*") || keys.contains(key) || keys.stream().anyMatch(k -> key.startsWith(k + "."));
        }
    }
}
