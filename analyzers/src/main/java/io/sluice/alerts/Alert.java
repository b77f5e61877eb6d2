package io.sluice.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * One alert instance: a rule applied to one key (a fanned-out {@code *} gives one alert per key), at one moment of its
 * lifecycle. What notifiers send and the API lists.
 *
 * @param rule        rule name ({@code alertname} label)
 * @param fingerprint stable id of this rule + key (same across restarts), for dedup and the outbox
 * @param state       PENDING, FIRING or RESOLVED
 * @param severity    P1 (page now) .. P3 (ticket)
 * @param labels      rule labels + {@code alertname}, {@code severity}, and the key ({@code service=...})
 * @param annotations summary, description, runbook_url ({@code {{ $value }}}-style placeholders already filled)
 * @param value       the expression's value at the last evaluation
 * @param activeSince when the condition started holding (pending since)
 * @param firedAt     when it started firing, or null
 * @param resolvedAt  when it resolved, or null
 */
public record Alert(String rule, String fingerprint, AlertState state, String severity, Map<String, String> labels,
                    Map<String, String> annotations, double value, Instant activeSince, Instant firedAt,
                    Instant resolvedAt) {
}
