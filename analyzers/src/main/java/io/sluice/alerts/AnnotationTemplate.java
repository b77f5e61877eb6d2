package io.sluice.alerts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An annotation with Prometheus-style placeholders, split once into parts: {@code {{ $value }}} (the expression's
 * value, 4 significant digits), {@code {{ $labels.service }}} (a label, empty when absent), {@code {{ $threshold }}}.
 * Any other {@code {{ ... }}} is rejected when the rule is loaded, so a typo does not reach an operator's pager.
 *
 * <p>Thread contract: immutable.
 */
final class AnnotationTemplate {
    private static final String VALUE = "$value";
    private static final String THRESHOLD = "$threshold";
    private static final String LABELS = "$labels.";

    /** A literal (kind 'l'), the value ('v'), the threshold ('t') or a label ('b', text = label name). */
    private record Part(char kind, String text) {
    }

    private final List<Part> parts;

    private AnnotationTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** @throws InvalidRuleException for an unclosed or unknown placeholder */
    static AnnotationTemplate parse(String rule, String key, String text) {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                parts.add(new Part('l', text.substring(from)));
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new InvalidRuleException(rule, "annotation '" + key + "': '{{' at " + (open + 1) + " is never closed");
            }
            if (open > from) {
                parts.add(new Part('l', text.substring(from, open)));
            }
            parts.add(placeholder(rule, key, text.substring(open + 2, close).trim()));
            from = close + 2;
        }
        return new AnnotationTemplate(parts);
    }

    String render(double value, double threshold, Map<String, String> labels) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part.kind()) {
                case 'v' -> out.append(format(value));
                case 't' -> out.append(format(threshold));
                case 'b' -> out.append(labels.getOrDefault(part.text(), ""));
                default -> out.append(part.text());
            }
        }
        return out.toString();
    }

    /** Whole numbers as such, others to 4 significant digits ("0.05321", "512.3"); NaN as "NaN". */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static Part placeholder(String rule, String key, String inner) {
        if (inner.equals(VALUE)) {
            return new Part('v', null);
        } else if (inner.equals(THRESHOLD)) {
            return new Part('t', null);
        } else if (inner.startsWith(LABELS) && AlertRule.isLabelName(inner.substring(LABELS.length()))) {
            return new Part('b', inner.substring(LABELS.length()));
        }
        throw new InvalidRuleException(rule, "annotation '" + key + "': unknown placeholder '{{ " + inner
            + " }}' (use {{ $value }}, {{ $threshold }} or {{ $labels.<name> }})");
    }
}
