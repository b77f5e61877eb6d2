package io.sluice.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code alerts:} section and rule files: strict reading, validation, the defaults when rules are absent. */
class AlertsYamlTest {
    private static final AlertFunctions BUILTINS = AlertFunctions.builtins();
    private static final String ISSUE_SHAPE = """
        http: {port: 8080}
        alerts:
          alertmanager: {url: http://127.0.0.1:9093}
          webhooks: [{url: http://127.0.0.1:9000/hook}]
          rules:
            - name: HighErrorRate
              expr: error_rate(service=*, window=1m) > 0.05
              for: 0s
              severity: P1
              labels: {team: payments}
              annotations: {summary: "Error rate above 5%", runbook_url: "deploy/runbooks/high-error-rate.md"}
        """;

    private static IllegalArgumentException rejected(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> AlertsYaml.parseConfig(yaml, "sluice.yaml",
            BUILTINS));
    }

    @Test
    void shouldReadTheShapeFromTheIssue() {
        AlertsConfig config = AlertsYaml.parseConfig(ISSUE_SHAPE, "sluice.yaml", BUILTINS);
        assertEquals(URI.create("http://127.0.0.1:9093"), config.alertmanager());
        assertEquals(List.of(URI.create("http://127.0.0.1:9000/hook")), config.webhooks());
        assertEquals(List.of(new AlertRule("HighErrorRate", "error_rate(service=*, window=1m) > 0.05", Duration.ZERO,
            "P1", Map.of("team", "payments"), Map.of("summary", "Error rate above 5%", "runbook_url",
            "deploy/runbooks/high-error-rate.md"), Duration.ZERO)), config.rules());
        assertEquals(AlertEngineOptions.DEFAULT_EVALUATION_INTERVAL, config.evaluationInterval());
        assertEquals(AlertEngineOptions.DEFAULT_RESEND_INTERVAL, config.resendInterval());
    }

    @Test
    void shouldReadIntervalsAndKeepFiringFor() {
        AlertsConfig config = AlertsYaml.parseConfig("""
            alerts:
              evaluation-interval: 100ms
              resend-interval: 30s
              history-size: 10
              rules:
                - {name: Slow, expr: "latency_p99(service=api) > 1s", for: 2m, keep-firing-for: 5m, severity: p3}
            """, "sluice.yaml", BUILTINS);
        assertEquals(new AlertEngineOptions(Duration.ofMillis(100), Duration.ofSeconds(30), 10), config.engine());
        AlertRule rule = config.rules().get(0);
        assertEquals(Duration.ofMinutes(2), rule.forDuration());
        assertEquals(Duration.ofMinutes(5), rule.keepFiringFor());
        assertEquals("P3", rule.severity());
        assertNull(config.alertmanager());
    }

    @Test
    void shouldUseTheDefaultRulesOnlyWhenRulesAreAbsent() {
        List<String> defaults = AlertsYaml.defaultRules().stream().map(AlertRule::name).toList();
        assertEquals(defaults, AlertsYaml.parseConfig("data-dir: ./data\n", "sluice.yaml", BUILTINS).rules().stream()
            .map(AlertRule::name).toList());
        assertEquals(defaults, AlertsYaml.parseConfig("alerts: {resend-interval: 2m}\n", "sluice.yaml", BUILTINS)
            .rules().stream().map(AlertRule::name).toList());
        assertEquals(List.of(), AlertsYaml.parseConfig("alerts: {rules: []}\n", "sluice.yaml", BUILTINS).rules());
        assertEquals(AlertsYaml.defaultRules(), AlertsConfig.defaults().rules());
        assertEquals(AlertEngineOptions.DEFAULTS, AlertsConfig.defaults().engine());
    }

    @Test
    void shouldRejectUnknownKeysNamingLineAndPath() {
        IllegalArgumentException e = rejected("""
            alerts:
              rules:
                - name: A
                  expresion: error_rate(service=*) > 0.01
                  severity: P2
            """);
        assertTrue(e.getMessage().startsWith("sluice.yaml:4: unknown key 'expresion' at alerts.rules[0].expresion"),
            e.getMessage());
        assertTrue(rejected("alerts: {alertmanager: {uri: http://x}}\n").getMessage()
            .contains("unknown key 'uri' at alerts.alertmanager.uri"));
    }

    @Test
    void shouldRejectBrokenRulesNamingFileRuleAndColumn() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> AlertsYaml.parseConfig("""
            alerts:
              rules:
                - {name: Good, expr: "error_rate(service=*) > 0.01", severity: P2}
                - {name: Bad, expr: "error_rate(service=*) > 0.01 for ever", severity: P2}
            """, "sluice.yaml", BUILTINS));
        assertEquals("sluice.yaml: rule 'Bad': expr column 34: not a duration: 'ever' (write e.g. 250ms, 30s, 5m, 1h)",
            e.getMessage());
        assertEquals("Bad", e.rule());
        assertEquals(34, e.column());
    }

    @Test
    void shouldRejectBadRuleFieldsNamingTheirIndex() {
        assertEquals("sluice.yaml: rules[1]: name is missing", rejected("""
            alerts:
              rules:
                - {name: A, expr: "error_count(host=*) > 0", severity: P3}
                - {expr: "error_count(host=*) > 0", severity: P3}
            """).getMessage());
        assertEquals("sluice.yaml: rules[0]: rule 'A': severity must be P1, P2 or P3, not 'P4'",
            rejected("alerts: {rules: [{name: A, expr: 'error_count(host=*) > 0', severity: P4}]}").getMessage());
        assertEquals("sluice.yaml: rules[0]: rule 'A': not a duration: '5 minutes' (units: ms, s, m, h, d)",
            rejected("alerts: {rules: [{name: A, expr: 'error_count(host=*) > 0', for: 5 minutes, severity: P3}]}")
                .getMessage());
        assertTrue(rejected("alerts: {rules: [{name: A, expr: 'error_count(host=*) > 0', severity: P3, "
            + "labels: {alertname: x}}]}").getMessage().contains("label 'alertname' is set by the engine"));
    }

    @Test
    void shouldRejectNonHttpNotifierUrls() {
        assertTrue(rejected("alerts: {alertmanager: {url: 'ftp://am:9093'}}").getMessage()
            .contains("alertmanager url must be an absolute http(s) URL"));
        assertTrue(rejected("alerts: {webhooks: [{}]}").getMessage().contains("alerts.webhooks[0].url is missing"));
        assertTrue(rejected("alerts: {evaluation-interval: 1m, resend-interval: 10s}").getMessage()
            .contains("resend-interval (10s) must not be shorter than evaluation-interval (1m)"));
    }

    @Test
    void shouldReadTheAlertsSectionOfAConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sluice.yaml");
        Files.writeString(file, ISSUE_SHAPE);
        assertEquals("HighErrorRate", AlertsYaml.readConfig(file, BUILTINS).rules().get(0).name());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
            () -> AlertsYaml.readConfig(dir.resolve("gone.yaml"), BUILTINS));
        assertTrue(missing.getMessage().startsWith(dir.resolve("gone.yaml") + ": "), missing.getMessage());
    }

    @Test
    void shouldParseARulesDocumentForReloads() {
        List<AlertRule> rules = AlertsYaml.parseRules("""
            rules:
              - {name: Silent, expr: "throughput(source=*) < 1/s for 10m", severity: P3}
            """, "POST /api/rules/reload", BUILTINS);
        assertEquals(Duration.ofMinutes(10), rules.get(0).forDuration());
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> AlertsYaml.parseRules(
            "rules: [{name: X, expr: 'throughput(source=*) < 1/d', severity: P3}]", "POST /api/rules/reload",
            BUILTINS));
        assertTrue(e.getMessage().startsWith("POST /api/rules/reload: rule 'X': expr column 24: "), e.getMessage());
    }
}
