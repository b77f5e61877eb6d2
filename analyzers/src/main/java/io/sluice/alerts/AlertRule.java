package io.sluice.alerts;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alert rule as the operator writes it. The record checks everything that does not need the expression parser;
 * {@link AlertRules#compile} checks the expression.
 *
 * @param name          the {@code alertname} label: letters, digits, {@code _ - .}, starting with a letter
 * @param expr          e.g. {@code error_rate(service=*, window=5m) > 0.01} (grammar in {@link ExpressionParser})
 * @param forDuration   how long the condition must hold before the alert fires ({@code for:}; an inline
 *                      {@code ... for 10m} in {@code expr} replaces it when the rule is compiled)
 * @param severity      P1 (page now), P2, P3 (ticket)
 * @param labels        extra labels ({@code team: payments}); {@code alertname} and {@code severity} are reserved
 * @param annotations   summary, description, runbook_url ...; {@code {{ $value }}} and {@code {{ $labels.x }}} are
 *                      filled per alert
 * @param keepFiringFor hysteresis: a firing alert resolves only after the condition was false this long (0: at the
 *                      first false evaluation)
 */
public record AlertRule(String name, String expr, Duration forDuration, String severity, Map<String, String> labels,
                        Map<String, String> annotations, Duration keepFiringFor) {
    public static final Duration DEFAULT_FOR = Duration.ZERO;
    public static final Duration DEFAULT_KEEP_FIRING_FOR = Duration.ZERO;
    public static final String LABEL_ALERTNAME = "alertname";
    public static final String LABEL_SEVERITY = "severity";

    public AlertRule {
        if (name == null || !isName(name)) {
            throw new InvalidRuleException(name, "name must start with a letter and hold only letters, digits, _ - .");
        }
        if (expr == null || expr.isBlank()) {
            throw new InvalidRuleException(name, "expr is missing");
        }
        forDuration = nonNegative(name, "for", forDuration == null ? DEFAULT_FOR : forDuration);
        keepFiringFor = nonNegative(name, "keep-firing-for",
            keepFiringFor == null ? DEFAULT_KEEP_FIRING_FOR : keepFiringFor);
        severity = severity(name, severity);
        labels = sortedCopy(labels);
        annotations = sortedCopy(annotations);
        for (String label : labels.keySet()) {
            if (!isLabelName(label)) {
                throw new InvalidRuleException(name, "label name '" + label + "' must match [a-zA-Z_][a-zA-Z0-9_]*");
            }
            if (label.equals(LABEL_ALERTNAME) || label.equals(LABEL_SEVERITY)) {
                throw new InvalidRuleException(name, "label '" + label + "' is set by the engine: use the rule's "
                    + (label.equals(LABEL_ALERTNAME) ? "name" : "severity"));
            }
        }
    }

    /** The same rule with another {@code for}. */
    public AlertRule withFor(Duration newFor) {
        return new AlertRule(name, expr, newFor, severity, labels, annotations, keepFiringFor);
    }

    static boolean isLabelName(String s) {
        if (s.isEmpty() || !(isAsciiLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || c == '_' || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String severity(String rule, String severity) {
        String s = severity == null ? "" : severity.trim().toUpperCase(java.util.Locale.ROOT);
        if (!s.equals("P1") && !s.equals("P2") && !s.equals("P3")) {
            throw new InvalidRuleException(rule, "severity must be P1, P2 or P3, not '" + severity + "'");
        }
        return s;
    }

    private static Duration nonNegative(String rule, String key, Duration d) {
        if (d.isNegative()) {
            throw new InvalidRuleException(rule, key + " must not be negative");
        }
        return d;
    }

    private static Map<String, String> sortedCopy(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        TreeMap<String, String> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), v == null ? "" : v));
        return Collections.unmodifiableMap(copy);
    }
}
