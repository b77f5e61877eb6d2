package io.sluice.alerts;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule ready to evaluate: its parsed expression and annotation templates. {@code rule().forDuration()} is the
 * effective {@code for} (the expression's inline {@code for} when it has one).
 *
 * <p>Thread contract: immutable.
 */
record CompiledRule(AlertRule rule, AlertExpression expression, Map<String, AnnotationTemplate> annotations) {

    static CompiledRule compile(AlertRule written, AlertFunctions functions) {
        AlertExpression expression = ExpressionParser.parse(written.name(), written.expr(), functions);
        AlertRule rule = expression.inlineFor() == null ? written : written.withFor(expression.inlineFor());
        TreeMap<String, AnnotationTemplate> templates = new TreeMap<>();
        rule.annotations().forEach((key, text) -> templates.put(key, AnnotationTemplate.parse(rule.name(), key, text)));
        return new CompiledRule(rule, expression, Collections.unmodifiableMap(templates));
    }

    String name() {
        return rule.name();
    }

    /** Rule labels, then {@code alertname}, {@code severity} and the key label (which win over rule labels). */
    Map<String, String> labelsFor(String key) {
        TreeMap<String, String> labels = new TreeMap<>(rule.labels());
        labels.put(AlertRule.LABEL_ALERTNAME, rule.name());
        labels.put(AlertRule.LABEL_SEVERITY, rule.severity());
        labels.put(expression.query().keyLabel(), key);
        return Collections.unmodifiableMap(labels);
    }

    Map<String, String> annotationsFor(double value, Map<String, String> labels) {
        TreeMap<String, String> filled = new TreeMap<>();
        annotations.forEach((key, template) -> filled.put(key, template.render(value, expression.threshold(), labels)));
        return Collections.unmodifiableMap(filled);
    }
}
