package io.sluice.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The alerting configuration in force: where to notify, the (validated) rules, the engine's intervals.
 *
 * @param alertmanager Alertmanager's base URL ({@code POST <url>/api/v2/alerts}), or null for none
 * @param webhooks     generic webhook URLs (Alertmanager-webhook payload)
 * @param rules        validated rules, effective {@code for} applied
 * @param engine       evaluation and resend intervals, history size
 */
public record AlertsConfig(URI alertmanager, List<URI> webhooks, List<AlertRule> rules, AlertEngineOptions engine) {

    public AlertsConfig {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        rules = rules == null ? List.of() : List.copyOf(rules);
        engine = engine == null ? AlertEngineOptions.DEFAULTS : engine;
        if (alertmanager != null) {
            checkHttp("alertmanager url", alertmanager);
        }
        for (URI hook : webhooks) {
            checkHttp("webhook url", hook);
        }
    }

    /** No notifiers, the shipped default rules, default intervals: what an absent {@code alerts:} section means. */
    public static AlertsConfig defaults() {
        return new AlertsConfig(null, List.of(), AlertsYaml.defaultRules(), AlertEngineOptions.DEFAULTS);
    }

    public Duration evaluationInterval() {
        return engine.evaluationInterval();
    }

    public Duration resendInterval() {
        return engine.resendInterval();
    }

    private static void checkHttp(String what, URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL, not '" + uri + "'");
        }
    }
}
