package io.sluice.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * How to size a Sluice deployment, computed from the measurements: events/s per core (events per server
 * CPU-second), bytes of journal per million events, and the memory the server reached, with the caveats that go with
 * them.
 */
final class SizingSection {
    /** The worked example's rate. */
    static final double EXAMPLE_RATE = 100_000;
    /** Plan to keep cores this busy at the target rate at most, for bursts and the analyzers' peaks. */
    static final double TARGET_UTILISATION = 0.5;

    private SizingSection() {
    }

    static String render(Optional<JsonNode> compare, Optional<JsonNode> e2e) {
        if (compare.isEmpty() && e2e.isEmpty()) {
            return Markdown.notRun("no `compare-*.json` or `e2e-*.json`", "./sluice bench e2e");
        }
        List<JsonNode> runs = e2e.map(E2eSection::saturatedRuns).orElse(List.of());
        Markdown table = new Markdown("figure", "value", "from");
        double lowestPerCore = Double.NaN;
        JsonNode sluice = compare.map(c -> c.path("medians").path(CompareSection.SLUICE)).orElse(null);
        if (sluice != null && sluice.isObject()) {
            double perCore = sluice.path("eventsPerCpuSecond").asDouble();
            lowestPerCore = perCore;
            JsonNode settings = compare.get().path("settings");
            table.row("events/s per core", Markdown.rate(perCore), "compare: Sluice, median of "
                + Markdown.text(settings, "reps") + " run(s), loggen TCP " + Markdown.text(settings, "connections")
                + " conn, " + Markdown.text(settings, "messageBytes") + " B");
        }
        for (Map.Entry<String, List<JsonNode>> transport : group(runs, r -> r.path("transport").asText()).entrySet()) {
            double[] perCore = values(transport.getValue(), r -> r.path("eventsPerCpuSecond").asDouble());
            if (perCore.length > 0) {
                double median = median(perCore);
                lowestPerCore = Double.isNaN(lowestPerCore) ? median : Math.min(lowestPerCore, median);
                table.row("events/s per core, " + transport.getKey(), range(perCore, Markdown::rate),
                    "e2e: median (min-max) of " + perCore.length + " run(s)");
            }
        }
        for (Map.Entry<String, List<JsonNode>> size : group(runs, r -> r.path("messageBytes").asText()).entrySet()) {
            double[] bytes = values(size.getValue(), r -> r.path("bytesPerMillionEvents").asDouble());
            if (bytes.length > 0) {
                table.row("journal per million " + size.getKey() + "-byte events", range(bytes, b -> mb(b)),
                    "e2e: median (min-max) of " + bytes.length + " run(s)");
            }
        }
        double[] rss = values(runs, r -> r.path("rssPeakBytes").asDouble());
        if (rss.length > 0) {
            table.row("server RSS peak", "median " + Markdown.mib(median(rss)) + ", max " + Markdown.mib(rss[rss.length - 1]),
                "e2e: " + rss.length + " run(s)");
        }
        if (sluice != null && sluice.isObject()) {
            table.row("server RSS peak", Markdown.mib(sluice.path("rssPeakBytes").asDouble()), "compare: Sluice median");
        }
        StringBuilder out = new StringBuilder(table.toString()).append('\n');
        if (!Double.isNaN(lowestPerCore) && lowestPerCore > 0) {
            double cores = EXAMPLE_RATE / lowestPerCore / TARGET_UTILISATION;
            out.append(Markdown.fmt("**Cores**: target events/s ÷ events/s per core ÷ %.1f (cores at most half busy). "
                    + "For %s events/s with the lowest median above: %s ÷ %s ÷ %.1f = **%.1f cores**.%n",
                TARGET_UTILISATION, Markdown.count(EXAMPLE_RATE), Markdown.count(EXAMPLE_RATE),
                Markdown.count(lowestPerCore), TARGET_UTILISATION, cores));
        }
        List<String> perDay = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> size : group(runs, r -> r.path("messageBytes").asText()).entrySet()) {
            double[] bytes = values(size.getValue(), r -> r.path("bytesPerMillionEvents").asDouble());
            if (bytes.length > 0) {
                perDay.add(Markdown.fmt("%s-byte events: **%.0f GB per day**", size.getKey(),
                    median(bytes) * EXAMPLE_RATE * 86_400 / 1e6 / 1e9));
            }
        }
        if (!perDay.isEmpty()) {
            out.append(Markdown.fmt("%n**Disk**: events/s × 86 400 × journal bytes per million events ÷ 10⁶, per day "
                + "of retention. At %s events/s, with the medians above: %s.%n", Markdown.count(EXAMPLE_RATE),
                String.join("; ", perDay)));
        }
        if (rss.length > 0) {
            out.append(Markdown.fmt("%n**Memory**: the heaviest run peaked at %s resident; give the host at least that "
                + "plus the page cache the journal's readers need.%n", Markdown.mib(rss[rss.length - 1])));
        }
        return out.append('\n').append(caveats(compare, e2e)).toString();
    }

    private static String caveats(Optional<JsonNode> compare, Optional<JsonNode> e2e) {
        JsonNode machine = e2e.or(() -> compare).map(r -> r.path("machine")).orElseThrow();
        String pinning = compare.map(c -> c.path("settings").path("pinning").asText("")).orElse("");
        return "Caveats (generated with the figures): measured on " + Markdown.text(machine, "cores") + " cores of "
            + Markdown.text(machine, "cpuModel") + " with the load generator on the same machine"
            + (pinning.isEmpty() ? "" : " (pinning: " + pinning + ")") + ", at saturation: events/s per core is "
            + "stored events ÷ the server's CPU-seconds, so it holds while the server is CPU-bound and other cores "
            + "behave alike; it does not add up linearly past the cores a single journal writer can use. RSS includes "
            + "the pages of the memory-mapped journal the process touched, not only the heap (`-Xmx` sets the heap; "
            + "the runs used the launcher's defaults unless their command says otherwise). Journal bytes depend on "
            + "message size and content: measure with your own lines before buying disks.\n";
    }

    static Map<String, List<JsonNode>> group(List<JsonNode> runs, java.util.function.Function<JsonNode, String> key) {
        Map<String, List<JsonNode>> groups = new TreeMap<>(SizingSection::byNumberThenText);
        runs.forEach(run -> groups.computeIfAbsent(key.apply(run), k -> new ArrayList<>()).add(run));
        return groups;
    }

    /** "200" before "1000": message sizes and connection counts sort as numbers. */
    private static int byNumberThenText(String a, String b) {
        boolean numbers = a.matches("\\d+") && b.matches("\\d+");
        return numbers ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }

    /** The positive values, sorted. */
    static double[] values(List<JsonNode> runs, ToDoubleFunction<JsonNode> field) {
        return runs.stream().mapToDouble(field).filter(v -> v > 0).sorted().toArray();
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String range(double[] sorted, java.util.function.DoubleFunction<String> format) {
        String median = format.apply(median(sorted));
        return sorted[0] == sorted[sorted.length - 1] ? median
            : median + " (" + format.apply(sorted[0]) + " - " + format.apply(sorted[sorted.length - 1]) + ")";
    }

    private static String mb(double bytes) {
        return Markdown.fmt("%.0f MB", bytes / 1e6);
    }
}
