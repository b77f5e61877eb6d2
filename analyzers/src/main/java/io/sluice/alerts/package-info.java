/**
 * The alert rule engine: rules on the analyzers' {@link io.sluice.analyzers.stats.StreamStats}, evaluated on a
 * timer, with Prometheus' pending / firing / resolved lifecycle. Pure Java; the notifiers (Alertmanager, webhooks)
 * and the HTTP API live in the server and only see {@link io.sluice.alerts.Alert}s.
 *
 * <pre>
 *  sluice.yaml alerts:          AlertsYaml ---------> AlertsConfig (URLs, intervals, rules)
 *  default-rules.yaml  --------&gt;   |  (strict YAML)                  |
 *                                  v                                 v
 *  AlertRule (as written) --&gt; AlertRules.validate / compile --&gt; CompiledRule = AlertRule + AlertExpression
 *                                  |  ExpressionTokenizer, ExpressionParser, ThresholdUnit,
 *                                  |  AlertFunctions (error_rate, latency_p95, throughput ... anomaly later)
 *                                  v
 *  AlertEngine ("sluice-alerts" thread, every evaluation-interval)
 *     for each rule: AlertQuery.evaluate(StreamStats) -&gt; (key, value)*  (service=* fans out over keys)
 *     per (rule, key): AlertInstance  INACTIVE -&gt; PENDING -&gt; FIRING -&gt; RESOLVED
 *     -&gt; AlertListener.onAlert(alert, transition)   (notifier outbox, history journal)
 *     active() / recent(n) / rules() for GET /api/alerts and /api/rules; replaceRules() for reloads
 * </pre>
 *
 * Only the config edge ({@link io.sluice.alerts.AlertsYaml}, {@link io.sluice.alerts.AlertsConfigFile}) touches
 * Jackson; the evaluation loop reads no text and uses no regex.
 */
package io.sluice.alerts;
