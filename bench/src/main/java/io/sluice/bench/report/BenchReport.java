package io.sluice.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./sluice bench report}: rewrites the generated regions of BENCHMARKS.md from the newest results, draws its
 * charts and copies the result files it used next to them, so that the published report can be regenerated from
 * committed data ({@code ./sluice bench report --results docs/benchmarks/data}).
 *
 * <pre>BenchReport [--results bench-results] [--report BENCHMARKS.md] [--charts docs/benchmarks] [--data docs/benchmarks/data]</pre>
 *
 * A missing input is no error: its sections say "Not run yet" and the rest is written.
 */
public final class BenchReport {
    static final String USAGE = "usage: ./sluice bench report [--results DIR] [--report FILE] [--charts DIR] [--data DIR]";

    private final Path results;
    private final Path report;
    private final Path charts;
    private final Path data;

    BenchReport(Path results, Path report, Path charts, Path data) {
        this.results = results;
        this.report = report;
        this.charts = charts;
        this.data = data;
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> options = new LinkedHashMap<>(Map.of("--results", "bench-results", "--report", "BENCHMARKS.md",
            "--charts", "docs/benchmarks", "--data", "docs/benchmarks/data"));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.println(USAGE);
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        new BenchReport(Path.of(options.get("--results")), Path.of(options.get("--report")),
            Path.of(options.get("--charts")), Path.of(options.get("--data"))).write();
    }

    /** Writes the report, the charts and the data copies; prints what it wrote. */
    void write() throws IOException {
        ResultFiles files = new ResultFiles(results);
        Optional<JsonNode> micro = files.newest("micro");
        Optional<JsonNode> compare = files.newest("compare");
        Optional<JsonNode> e2e = files.newest("e2e");
        Map<String, String> regions = regions(files, micro, compare, e2e);
        String document = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "# Sluice benchmarks\n";
        Files.writeString(report, MarkedRegions.replaceAll(document, regions), StandardCharsets.UTF_8);
        List<Path> copies = files.copyUsedTo(data);
        System.out.println("report: " + report + " (" + String.join(", ", regions.keySet()) + ")");
        System.out.println("inputs: " + (files.used().isEmpty() ? "none" : files.used()) + " -> copies " + copies);
    }

    private Map<String, String> regions(ResultFiles files, Optional<JsonNode> micro, Optional<JsonNode> compare,
                                        Optional<JsonNode> e2e) throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("machine", MachineSection.render(micro, compare, e2e) + provenance(files));
        regions.put("micro", MicroSection.render(micro, name("micro")));
        String compareChart = "compare.png";
        if (compare.isPresent()) {
            ReportCharts.compare(compare.get(), charts.resolve(compareChart));
            System.out.println("chart: " + charts.resolve(compareChart));
        }
        regions.put("compare", CompareSection.render(compare, name("compare"), link(compareChart)));
        String throughputChart = "e2e-throughput.png";
        List<String> latencyCharts = new ArrayList<>();
        if (e2e.isPresent()) {
            ReportCharts.throughput(e2e.get(), charts.resolve(throughputChart));
            latencyChart(e2e.get(), "journalLatencyMs", "Journal stage latency (receipt to journal)",
                "latency-journal.png", latencyCharts);
            latencyChart(e2e.get(), "ackLatencyMs", "HTTP acknowledgement latency (POST to durable 2xx)",
                "latency-ack.png", latencyCharts);
        }
        regions.put("e2e", E2eSection.throughput(e2e, name("e2e"), link(throughputChart)));
        regions.put("latency", E2eSection.latency(e2e, latencyCharts));
        regions.put("alert", E2eSection.alert(e2e));
        regions.put("sizing", SizingSection.render(compare, e2e));
        return regions;
    }

    private void latencyChart(JsonNode e2e, String field, String title, String file, List<String> links) throws IOException {
        if (ReportCharts.latency(e2e, field, title, charts.resolve(file))) {
            links.add(link(file));
        }
    }

    private String name(String prefix) {
        return ResultFiles.newestPath(results, prefix).map(p -> p.getFileName().toString()).orElse("-");
    }

    /** The chart's path as BENCHMARKS.md links it: relative to the report's directory. */
    private String link(String chart) {
        Path base = report.toAbsolutePath().normalize().getParent();
        return base.relativize(charts.resolve(chart).toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private String provenance(ResultFiles files) {
        StringBuilder out = new StringBuilder("\nGenerated by `./sluice bench report` from ");
        if (files.used().isEmpty()) {
            return out.append("no result files yet.\n").toString();
        }
        List<String> names = new ArrayList<>();
        files.used().forEach(p -> names.add("`" + data.resolve(p.getFileName()).toString().replace('\\', '/') + "`"));
        return out.append(String.join(", ", names)).append("; `./sluice bench report --results ").append(data)
            .append("` regenerates it from them.\n").toString();
    }
}
