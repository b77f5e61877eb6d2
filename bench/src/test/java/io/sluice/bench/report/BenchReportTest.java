package io.sluice.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
    private static final String MICRO = """
        [{"jmhVersion":"1.37","benchmark":"io.sluice.bench.ParserBenchmark.rfc3164","mode":"thrpt","forks":1,
          "jdkVersion":"17.0.15","vmName":"OpenJDK 64-Bit Server VM","warmupIterations":3,"warmupTime":"1 s",
          "measurementIterations":5,"measurementTime":"1 s","params":{"size":"200"},
          "primaryMetric":{"score":13.18,"scoreError":0.39,"scoreUnit":"ops/us"},
          "secondaryMetrics":{"gc.alloc.rate.norm":{"score":0.001,"scoreError":0.0,"scoreUnit":"B/op"}}}]
        """;
    private static final String E2E = """
        {"kind":"e2e","startedAt":"2026-11-24T10:00:00Z","command":"./sluice bench e2e",
         "machine":{"cores":2,"cpuModel":"Test CPU","memoryBytes":1073741824,"jdk":"JDK 17","os":"Test OS"},
         "notes":["a note"],
         "runs":[{"client":"java","transport":"tcp","connections":4,"messageBytes":200,"durationSeconds":10.0,
                  "targetRate":0,"sent":1000,"stored":1000,"lost":0,"droppedByServer":0,"eventsPerSecond":100.0,
                  "megabytesPerSecond":0.02,"serverCpuSeconds":2.0,"eventsPerCpuSecond":500.0,"rssPeakBytes":104857600,
                  "journalBytes":250000,"bytesPerMillionEvents":250000000,
                  "journalLatencyMs":{"p50":1.5,"p99":4.0,"p999":8.0,"max":12.0},"ackLatencyMs":null,
                  "storedEqualsSent":true}],
         "halfLoad":null,"alert":{"rule":"error_rate > 0.01","latenciesMs":[300,310,320],"medianMs":310}}
        """;

    @Test
    void shouldPickTheNewestFileOfEachKind(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("micro-20261120T100000.json"), "[]");
        Files.writeString(dir.resolve("micro-20261123T090000.json"), MICRO);
        Files.writeString(dir.resolve("micro-20261123T090000.txt"), "not json");

        ResultFiles files = new ResultFiles(dir);
        Optional<JsonNode> micro = files.newest("micro");

        assertEquals(1, micro.orElseThrow().size());
        assertEquals(dir.resolve("micro-20261123T090000.json"), files.used().get(0));
        assertTrue(files.newest("e2e").isEmpty());
    }

    @Test
    void shouldReadScoreErrorUnitAndAllocationFromJmhJson() {
        String section = MicroSection.render(Optional.of(read(MICRO)), "micro-x.json");

        assertTrue(section.contains("| ParserBenchmark.rfc3164 | size=200 | thrpt | 13.180 ± 0.390 | ops/us | 0.001 |"),
            section);
    }

    @Test
    void shouldSayNotRunYetForMissingInputsAndKeepGoing(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("BENCHMARKS.md");
        Files.writeString(report, "# Bench\nIntro kept.\n<!-- bench:micro -->\nold\n<!-- /bench:micro -->\nOutro kept.\n");

        new BenchReport(dir.resolve("empty"), report, dir.resolve("charts"), dir.resolve("data")).write();

        String written = Files.readString(report);
        assertTrue(written.startsWith("# Bench\nIntro kept.\n<!-- bench:micro -->\nNot run yet"), written);
        assertTrue(written.contains("<!-- /bench:micro -->\nOutro kept.\n"), written);
        assertTrue(written.contains("<!-- bench:sizing -->\nNot run yet"), written);
        assertFalse(written.contains("old"), written);
    }

    @Test
    void shouldRenderE2eChartsAndCopyInputs(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("e2e-20261124T100000.json"), E2E);
        Files.writeString(results.resolve("micro-20261124T100000.json"), MICRO);
        Path report = dir.resolve("BENCHMARKS.md");

        new BenchReport(results, report, dir.resolve("docs/benchmarks"), dir.resolve("docs/benchmarks/data")).write();

        String written = Files.readString(report);
        assertTrue(written.contains("| java | tcp | 4 | 200 | max |"), written);
        assertTrue(written.contains("![throughput vs connections](docs/benchmarks/e2e-throughput.png)"), written);
        assertTrue(written.contains("median **310 ms** over 3 runs"), written);
        assertTrue(written.contains("| events/s per core, tcp | 500 |"), written);
        assertTrue(written.contains("| journal per million 200-byte events | 250 MB |"), written);
        assertTrue(written.contains("<!-- bench:compare -->\nNot run yet"), written);
        assertTrue(Files.size(dir.resolve("docs/benchmarks/e2e-throughput.png")) > 0);
        assertTrue(Files.size(dir.resolve("docs/benchmarks/latency-journal.png")) > 0);
        assertFalse(Files.exists(dir.resolve("docs/benchmarks/latency-ack.png")));
        assertEquals(E2E, Files.readString(dir.resolve("docs/benchmarks/data/e2e-20261124T100000.json")));
    }

    private static JsonNode read(String json) {
        try {
            return ResultFiles.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
