package io.sluice.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ./sluice bench e2e}: throughput per transport and connections, latency percentiles, alert latency. */
final class E2eSection {
    static final String COMMAND = "./sluice bench e2e";

    private E2eSection() {
    }

    /** Runs measured flat out (no target rate): the throughput figures. */
    static List<JsonNode> saturatedRuns(JsonNode e2e) {
        List<JsonNode> runs = new ArrayList<>();
        e2e.path("runs").forEach(run -> {
            if (run.path("targetRate").asDouble() <= 0) {
                runs.add(run);
            }
        });
        return runs;
    }

    static String label(JsonNode run) {
        return Markdown.text(run, "client") + " " + Markdown.text(run, "transport") + ", "
            + Markdown.text(run, "connections") + " conn, " + Markdown.text(run, "messageBytes") + " B";
    }

    static String throughput(Optional<JsonNode> e2e, String fileName, String chartLink) {
        if (e2e.isEmpty()) {
            return Markdown.notRun("no `e2e-*.json`", COMMAND);
        }
        JsonNode result = e2e.get();
        StringBuilder out = new StringBuilder("```bash\n").append(Markdown.text(result, "command")).append("\n```\n\n")
            .append("Started ").append(Markdown.text(result, "startedAt")).append(" (`").append(fileName).append("`).\n");
        result.path("notes").forEach(note -> out.append("- ").append(note.asText()).append('\n'));
        Markdown table = new Markdown("client", "transport", "conns", "msg B", "target/s", "s", "sent", "stored", "lost",
            "dropped", "events/s", "MB/s", "server CPU s", "events per CPU-s", "RSS peak", "journal B per M events",
            "stored = sent");
        result.path("runs").forEach(run -> row(table, run));
        JsonNode half = result.path("halfLoad").path("run");
        if (half.isObject()) {
            row(table, half);
        }
        return out.append('\n').append(table).append("\n![throughput vs connections](").append(chartLink).append(")\n")
            .toString();
    }

    private static void row(Markdown table, JsonNode run) {
        double target = run.path("targetRate").asDouble();
        table.row(Markdown.text(run, "client"), Markdown.text(run, "transport"), Markdown.text(run, "connections"),
            Markdown.text(run, "messageBytes"), target > 0 ? Markdown.count(target) : "max",
            Markdown.field(run, "durationSeconds", 1), Markdown.count(run.path("sent").asDouble()),
            Markdown.count(run.path("stored").asDouble()), Markdown.count(run.path("lost").asDouble()),
            Markdown.count(run.path("droppedByServer").asDouble()), Markdown.count(run.path("eventsPerSecond").asDouble()),
            Markdown.field(run, "megabytesPerSecond", 1), Markdown.field(run, "serverCpuSeconds", 1),
            Markdown.count(run.path("eventsPerCpuSecond").asDouble()), Markdown.mib(run.path("rssPeakBytes").asDouble()),
            Markdown.count(run.path("bytesPerMillionEvents").asDouble()), Markdown.text(run, "storedEqualsSent"));
    }

    static String latency(Optional<JsonNode> e2e, List<String> chartLinks) {
        if (e2e.isEmpty()) {
            return Markdown.notRun("no `e2e-*.json`", COMMAND);
        }
        Markdown table = new Markdown("run", "target/s", "journal p50 ms", "p99", "p99.9", "max", "HTTP ack p50 ms",
            "p99", "p99.9", "max");
        e2e.get().path("runs").forEach(run -> latencyRow(table, run));
        JsonNode half = e2e.get().path("halfLoad").path("run");
        if (half.isObject()) {
            latencyRow(table, half);
        }
        StringBuilder out = new StringBuilder("Journal stage: from receipt to the event being in the journal. HTTP ack: "
            + "from the POST to its durable 2xx, seen by the client. `target/s` = max: flat out (latency includes "
            + "queueing); a number: the half-load run at that rate.\n\n").append(table).append('\n');
        chartLinks.forEach(link -> out.append("![latency percentiles](").append(link).append(")\n"));
        return out.toString();
    }

    private static void latencyRow(Markdown table, JsonNode run) {
        JsonNode journal = run.path("journalLatencyMs");
        JsonNode ack = run.path("ackLatencyMs");
        double target = run.path("targetRate").asDouble();
        table.row(label(run), target > 0 ? Markdown.count(target) : "max",
            Markdown.field(journal, "p50", 2), Markdown.field(journal, "p99", 2), Markdown.field(journal, "p999", 2),
            Markdown.field(journal, "max", 2), Markdown.field(ack, "p50", 2), Markdown.field(ack, "p99", 2),
            Markdown.field(ack, "p999", 2), Markdown.field(ack, "max", 2));
    }

    static String alert(Optional<JsonNode> e2e) {
        JsonNode alert = e2e.map(r -> r.path("alert")).orElse(null);
        if (alert == null || !alert.isObject()) {
            return Markdown.notRun("no alert measurement in `e2e-*.json`", COMMAND);
        }
        List<String> each = new ArrayList<>();
        alert.path("latenciesMs").forEach(ms -> each.add(Markdown.decimal(ms.asDouble(), 0)));
        return "Rule `" + Markdown.text(alert, "rule") + "`: from the step in the error rate to the notification, "
            + "median **" + Markdown.field(alert, "medianMs", 0) + " ms** over " + each.size() + " runs ("
            + String.join(", ", each) + " ms).\n";
    }
}
