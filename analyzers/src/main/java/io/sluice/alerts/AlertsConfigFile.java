package io.sluice.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The {@code alerts:} section of {@code sluice.yaml} as the user writes it: kebab-case keys, every key optional,
 * unknown keys rejected. {@link AlertsYaml#toConfig} checks it and turns it into an {@link AlertsConfig}. The server's
 * config file embeds this record as its {@code alerts} key.
 *
 * <pre>
 * alerts:
 *   alertmanager: {url: http://127.0.0.1:9093}
 *   webhooks: [{url: http://127.0.0.1:9000/hook}]
 *   evaluation-interval: 250ms
 *   resend-interval: 1m
 *   history-size: 500
 *   rules:                       # absent: the shipped default rules; [] : none
 *     - name: HighErrorRate
 *       expr: error_rate(service=*, window=1m) > 0.05
 *       for: 0s
 *       keep-firing-for: 0s
 *       severity: P1
 *       labels: {team: payments}
 *       annotations: {summary: "Error rate above 5%", runbook_url: "deploy/runbooks/high-error-rate.md"}
 * </pre>
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record AlertsConfigFile(Endpoint alertmanager, List<Endpoint> webhooks, List<Rule> rules,
                               String evaluationInterval, String resendInterval, Integer historySize) {

    /** Where notifications go. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Endpoint(String url) {
    }

    /** One rule as written; {@code for} is a Java keyword, hence the explicit name. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Rule(String name, String expr, @JsonProperty("for") String forDuration, String keepFiringFor,
                       String severity, Map<String, String> labels, Map<String, String> annotations) {
    }

    /** A file holding only rules (the shipped defaults, a reload body): {@code rules: [...]}. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record RuleSet(List<Rule> rules) {
    }
}
