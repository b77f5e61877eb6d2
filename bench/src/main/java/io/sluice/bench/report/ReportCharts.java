package io.sluice.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The report's charts, drawn by XChart into PNG files. */
final class ReportCharts {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    /** More latency series than this make the bars unreadable: one per transport and message size is kept. */
    static final int MAX_LATENCY_SERIES = 8;
    static final List<String> PERCENTILES = List.of("p50", "p99", "p99.9", "max");

    private ReportCharts() {
    }

    /** Stored events/s and events per server CPU-second, one pair of bars per system. */
    static void compare(JsonNode compare, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
            .title("Side by side: same loggen load, medians").xAxisTitle("system").yAxisTitle("events/s").build();
        style(chart.getStyler());
        chart.getStyler().setYAxisDecimalPattern("#,###");
        List<String> systems = new ArrayList<>();
        List<Number> stored = new ArrayList<>();
        List<Number> perCpu = new ArrayList<>();
        for (Map.Entry<String, JsonNode> system : compare.path("medians").properties()) {
            systems.add(system.getKey());
            stored.add(system.getValue().path("storedPerSecond").asDouble());
            perCpu.add(system.getValue().path("eventsPerCpuSecond").asDouble());
        }
        chart.addSeries("stored events/s", systems, stored);
        chart.addSeries("events per server CPU-second", systems, perCpu);
        save(chart, file);
    }

    /** Events/s against connections, one line per client, transport and message size (saturated runs only). */
    static void throughput(JsonNode e2e, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Throughput vs connections")
            .xAxisTitle("connections").yAxisTitle("stored events/s").build();
        style(chart.getStyler());
        chart.getStyler().setYAxisDecimalPattern("#,###");
        chart.getStyler().setXAxisDecimalPattern("#");
        Map<String, List<JsonNode>> series = SizingSection.group(E2eSection.saturatedRuns(e2e),
            r -> r.path("client").asText() + " " + r.path("transport").asText() + ", " + r.path("messageBytes").asText() + " B");
        for (Map.Entry<String, List<JsonNode>> line : series.entrySet()) {
            List<JsonNode> runs = new ArrayList<>(line.getValue());
            runs.sort(Comparator.comparingDouble(r -> r.path("connections").asDouble()));
            double[] x = runs.stream().mapToDouble(r -> r.path("connections").asDouble()).toArray();
            double[] y = runs.stream().mapToDouble(r -> r.path("eventsPerSecond").asDouble()).toArray();
            chart.addSeries(line.getKey(), x, y);
        }
        if (series.isEmpty()) {
            chart.addSeries("no saturated runs", new double[] {0}, new double[] {0});
        }
        save(chart, file);
    }

    /**
     * Latency percentiles of one stage ({@code journalLatencyMs} or {@code ackLatencyMs}), log scale; one series per
     * transport and message size (the run with the most connections). Returns false when no run has that stage.
     */
    static boolean latency(JsonNode e2e, String field, String title, Path file) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        e2e.path("runs").forEach(runs::add);
        JsonNode half = e2e.path("halfLoad").path("run");
        Map<String, List<JsonNode>> groups = SizingSection.group(runs.stream().filter(r -> r.path(field).isObject()).toList(),
            r -> r.path("client").asText() + r.path("transport").asText() + r.path("messageBytes").asText());
        List<JsonNode> chosen = new ArrayList<>();
        groups.values().forEach(g -> chosen.add(g.stream().max(Comparator.comparingDouble(
            (JsonNode r) -> r.path("targetRate").asDouble() > 0 ? -1 : r.path("connections").asDouble())).orElseThrow()));
        if (half.path(field).isObject()) {
            chosen.add(0, half); // first, so that the series cap never drops it
        }
        if (chosen.isEmpty()) {
            return false;
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
            .xAxisTitle("percentile").yAxisTitle("ms (log scale)").build();
        style(chart.getStyler());
        // Lines over the percentiles, as HdrHistogram plots them: bars cannot sit on a log axis in XChart.
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        for (JsonNode run : chosen.subList(0, Math.min(chosen.size(), MAX_LATENCY_SERIES))) {
            JsonNode ms = run.path(field);
            List<Number> values = List.of(positive(ms.path("p50")), positive(ms.path("p99")), positive(ms.path("p999")),
                positive(ms.path("max")));
            double target = run.path("targetRate").asDouble();
            chart.addSeries(E2eSection.label(run) + (target > 0 ? ", " + Markdown.count(target) + "/s" : ""),
                PERCENTILES, values);
        }
        save(chart, file);
        return true;
    }

    /** Log axes cannot show 0: a sub-microsecond figure is drawn at 1 µs. */
    private static double positive(JsonNode value) {
        return Math.max(0.001, value.asDouble());
    }

    private static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
