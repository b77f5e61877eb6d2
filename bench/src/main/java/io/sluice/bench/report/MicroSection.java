package io.sluice.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** JMH results ({@code -rf json}, run with {@code -prof gc}): score ± error and allocation per operation. */
final class MicroSection {
    static final String ALLOCATION = "gc.alloc.rate.norm";

    private MicroSection() {
    }

    static String render(Optional<JsonNode> micro, String fileName) {
        if (micro.isEmpty() || !micro.get().isArray() || micro.get().isEmpty()) {
            return Markdown.notRun("no `micro-*.json`", "./sluice bench micro");
        }
        JsonNode results = micro.get();
        JsonNode first = results.get(0);
        Markdown table = new Markdown("benchmark", "params", "mode", "score ± error", "unit", "allocation B/op");
        for (JsonNode result : results) {
            JsonNode primary = result.path("primaryMetric");
            JsonNode alloc = result.path("secondaryMetrics").path(ALLOCATION);
            table.row(shortName(Markdown.text(result, "benchmark")), params(result.path("params")),
                Markdown.text(result, "mode"),
                score(primary.path("score").asDouble()) + " ± " + score(errorOf(primary)),
                Markdown.text(primary, "scoreUnit"),
                alloc.isMissingNode() ? "- (no -prof gc)" : allocation(alloc.path("score").asDouble()));
        }
        return "```bash\n./sluice bench micro '" + regexp(results) + "'   # " + Markdown.text(first, "forks") + " fork, "
            + Markdown.text(first, "warmupIterations") + " x " + Markdown.text(first, "warmupTime") + " warm-up, "
            + Markdown.text(first, "measurementIterations") + " x " + Markdown.text(first, "measurementTime")
            + " measured, -prof gc\n```\n\nFrom `" + fileName + "`:\n\n" + table;
    }

    /** JMH writes "NaN" as the error of a single measurement. */
    static double errorOf(JsonNode primary) {
        JsonNode error = primary.path("scoreError");
        return error.isNumber() ? error.asDouble() : Double.NaN;
    }

    /** A JMH regexp selecting the benchmarks that ran (the JSON does not keep the one given). */
    static String regexp(JsonNode results) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        results.forEach(r -> names.add(shortName(Markdown.text(r, "benchmark"))));
        return String.join("|", names);
    }

    /** JMH's -prof gc reports ~1e-4 B/op for code that allocates nothing: that is shown as 0. */
    private static String allocation(double bytesPerOp) {
        return bytesPerOp < 0.0005 ? "≈ 0" : Markdown.decimal(bytesPerOp, 3);
    }

    static String shortName(String benchmark) {
        return benchmark.startsWith("io.sluice.bench.") ? benchmark.substring("io.sluice.bench.".length()) : benchmark;
    }

    private static String params(JsonNode params) {
        if (!params.isObject() || params.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonNode> param : params.properties()) {
            out.append(out.length() == 0 ? "" : ", ").append(param.getKey()).append('=').append(param.getValue().asText());
        }
        return out.toString();
    }

    private static String score(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        if (Math.abs(value) >= 10_000) {
            return Markdown.count(value);
        }
        return Math.abs(value) >= 100 ? Markdown.decimal(value, 1) : Markdown.decimal(value, 3);
    }
}
