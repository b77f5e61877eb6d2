package io.sluice.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A Markdown table under construction, and the number formats every section shares. */
final class Markdown {
    static final String NOT_RUN = "Not run yet";

    private final List<String[]> rows = new ArrayList<>();
    private final String[] header;

    Markdown(String... header) {
        this.header = header.clone();
    }

    Markdown row(String... cells) {
        rows.add(Arrays.copyOf(cells, header.length));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append('|');
        for (int i = 0; i < header.length; i++) {
            out.append("---|");
        }
        out.append('\n');
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell == null ? "" : cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }

    /** "Not run yet: `command` writes it." */
    static String notRun(String what, String command) {
        return NOT_RUN + ": " + what + " (`" + command + "` writes it).\n";
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Integer with thin grouping: 1 234 567. */
    static String count(double value) {
        return fmt("%,.0f", value).replace(',', ' ');
    }

    /** 590 k, 1.23 M: for rates. */
    static String rate(double value) {
        if (Math.abs(value) >= 1e6) {
            return fmt("%.2f M", value / 1e6);
        }
        return Math.abs(value) >= 1e3 ? fmt("%.0f k", value / 1e3) : fmt("%.0f", value);
    }

    static String mib(double bytes) {
        return fmt("%.0f MiB", bytes / (1024.0 * 1024.0));
    }

    static String decimal(double value, int places) {
        return fmt("%." + places + "f", value);
    }

    /** A number field, or "-" when absent or null. */
    static String field(JsonNode node, String name, int places) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? "-" : decimal(value.asDouble(), places);
    }

    static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? "-" : value.asText();
    }
}
