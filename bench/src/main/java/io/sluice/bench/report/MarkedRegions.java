package io.sluice.bench.report;

import java.util.Map;

/**
 * The generated parts of a hand-written Markdown document: each lies between {@code <!-- bench:NAME -->} and
 * {@code <!-- /bench:NAME -->}. Replacing a region rewrites only what is between its two markers; everything outside
 * them is kept byte for byte. A region whose markers are missing is appended at the end (with its markers), so a
 * section is never silently dropped.
 */
final class MarkedRegions {
    private MarkedRegions() {
    }

    static String open(String name) {
        return "<!-- bench:" + name + " -->";
    }

    static String close(String name) {
        return "<!-- /bench:" + name + " -->";
    }

    /** Replaces every named region in {@code document}, in the map's order. */
    static String replaceAll(String document, Map<String, String> regions) {
        String result = document;
        for (Map.Entry<String, String> region : regions.entrySet()) {
            result = replace(result, region.getKey(), region.getValue());
        }
        return result;
    }

    /**
     * Puts {@code content} between the markers of region {@code name}.
     *
     * @throws IllegalArgumentException when only one marker is there, or the closing one comes first
     */
    static String replace(String document, String name, String content) {
        String open = open(name);
        String close = close(name);
        int start = document.indexOf(open);
        int end = document.indexOf(close);
        String body = "\n" + content.strip() + "\n";
        if (start < 0 && end < 0) {
            String separator = document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
            return document + separator + open + body + close + "\n";
        }
        if (start < 0 || end < 0 || end < start) {
            throw new IllegalArgumentException("unbalanced markers for region '" + name + "': need " + open + " before " + close);
        }
        if (document.indexOf(open, start + open.length()) >= 0) {
            throw new IllegalArgumentException("region '" + name + "' is marked more than once");
        }
        return document.substring(0, start + open.length()) + body + document.substring(end);
    }
}
