package io.sluice.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The machine each result file was measured on, side by side, and the JDK of the micro-benchmarks. */
final class MachineSection {
    private MachineSection() {
    }

    static String render(Optional<JsonNode> micro, Optional<JsonNode> compare, Optional<JsonNode> e2e) {
        Map<String, JsonNode> machines = new LinkedHashMap<>();
        e2e.map(r -> r.get("machine")).ifPresent(m -> machines.put("`e2e` (" + Markdown.text(e2e.get(), "startedAt") + ")", m));
        compare.map(r -> r.get("machine"))
            .ifPresent(m -> machines.put("`compare` (" + Markdown.text(compare.get(), "startedAt") + ")", m));
        StringBuilder out = new StringBuilder();
        if (machines.isEmpty()) {
            out.append(Markdown.NOT_RUN).append(": no `e2e-*.json` or `compare-*.json` (they record the machine).\n");
        } else {
            String[] header = new String[machines.size() + 1];
            header[0] = "";
            int i = 1;
            for (String source : machines.keySet()) {
                header[i++] = source;
            }
            Markdown table = new Markdown(header);
            row(table, machines, "CPU", m -> Markdown.text(m, "cpuModel") + ", " + Markdown.text(m, "cores") + " cores");
            row(table, machines, "memory", m -> m.hasNonNull("memoryBytes")
                ? Markdown.fmt("%.1f GiB", m.get("memoryBytes").asDouble() / (1L << 30)) : "-");
            row(table, machines, "JDK", m -> Markdown.text(m, "jdk"));
            row(table, machines, "OS", m -> Markdown.text(m, "os"));
            out.append(table);
        }
        micro.filter(JsonNode::isArray).filter(a -> a.size() > 0).map(a -> a.get(0)).ifPresent(first -> out.append('\n')
            .append("Micro-benchmarks ran on ").append(Markdown.text(first, "vmName")).append(' ')
            .append(Markdown.text(first, "jdkVersion")).append(" (JMH ").append(Markdown.text(first, "jmhVersion"))
            .append(").\n"));
        return out.toString();
    }

    private static void row(Markdown table, Map<String, JsonNode> machines, String label,
                            java.util.function.Function<JsonNode, String> cell) {
        String[] cells = new String[machines.size() + 1];
        cells[0] = label;
        int i = 1;
        for (JsonNode machine : machines.values()) {
            cells[i++] = cell.apply(machine);
        }
        table.row(cells);
    }
}
