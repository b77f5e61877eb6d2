package io.sluice.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** {@code ./sluice bench compare}: Sluice, rsyslog and syslog-ng under the same loggen load, per run and in medians. */
final class CompareSection {
    static final String SLUICE = "sluice";

    private CompareSection() {
    }

    static String render(Optional<JsonNode> compare, String fileName, String chartLink) {
        if (compare.isEmpty()) {
            return Markdown.notRun("no `compare-*.json`", "./sluice bench compare --duration 20s");
        }
        JsonNode result = compare.get();
        JsonNode settings = result.path("settings");
        StringBuilder out = new StringBuilder();
        out.append("```bash\n").append(Markdown.text(result, "command")).append("\n```\n\n")
            .append(Markdown.fmt("Started %s (`%s`): loggen over TCP, %s connections, %s-byte messages, %s s per run, "
                    + "%s, %s repetition(s), systems interleaved; pinning: %s.%n%n", Markdown.text(result, "startedAt"),
                fileName, Markdown.text(settings, "connections"), Markdown.text(settings, "messageBytes"),
                Markdown.text(settings, "durationSeconds"), warmup(settings), Markdown.text(settings, "reps"),
                Markdown.text(settings, "pinning")));
        Markdown runs = new Markdown("system", "rep", "sent msgs/s", "sent", "stored", "lost", "stored events/s",
            "drain s", "server CPU s", "events per CPU-s", "RSS peak");
        for (JsonNode run : result.path("runs")) {
            runs.row(Markdown.text(run, "system"), Markdown.text(run, "rep"), Markdown.count(run.path("sentPerSecond").asDouble()),
                Markdown.count(run.path("sent").asDouble()), Markdown.count(run.path("stored").asDouble()),
                Markdown.count(run.path("lost").asDouble()), Markdown.count(run.path("storedPerSecond").asDouble()),
                Markdown.field(run, "drainSeconds", 1), Markdown.field(run, "serverCpuSeconds", 1),
                Markdown.count(run.path("eventsPerCpuSecond").asDouble()), Markdown.mib(run.path("rssPeakBytes").asDouble()));
        }
        out.append(runs).append("\nMedians per system, and Sluice's median divided by each peer's:\n\n");
        Markdown medians = new Markdown("system", "stored events/s", "server CPU s", "events per server CPU-s",
            "RSS peak", "lost", "Sluice ÷ this: throughput", "Sluice ÷ this: efficiency");
        for (Map.Entry<String, JsonNode> system : result.path("medians").properties()) {
            JsonNode m = system.getValue();
            JsonNode ratio = result.path("ratios").path(system.getKey());
            medians.row(system.getKey(), Markdown.rate(m.path("storedPerSecond").asDouble()),
                Markdown.field(m, "serverCpuSeconds", 1), Markdown.rate(m.path("eventsPerCpuSecond").asDouble()),
                Markdown.mib(m.path("rssPeakBytes").asDouble()), Markdown.count(m.path("lost").asDouble()),
                ratio.isMissingNode() ? "-" : Markdown.field(ratio, "throughput", 2) + "×",
                ratio.isMissingNode() ? "-" : Markdown.field(ratio, "efficiency", 2) + "×");
        }
        out.append(medians).append("\n![stored events/s and events per server CPU-second](").append(chartLink).append(")\n");
        return out.toString();
    }

    /** What came before each measured run: results from before the warm-up option measured from a cold start. */
    private static String warmup(JsonNode settings) {
        int seconds = settings.path("warmupSeconds").asInt(0);
        return seconds > 0 ? "each after " + seconds + " s of the same load, unmeasured, drained (every system)"
            : "each from a cold start (no warm-up)";
    }
}
