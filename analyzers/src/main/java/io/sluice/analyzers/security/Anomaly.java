package io.sluice.analyzers.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One detection as security operations see it. Repeated detections of the same detector and subject update the open
 * anomaly (count, lastSeen, evidence) instead of creating new ones; an anomaly closes when its subject has been quiet
 * for the detector's window.
 *
 * @param id           unique, increasing; never reused (also across restarts: the store assigns it)
 * @param detector     brute_force, password_spraying, distributed_brute_force, success_after_failures,
 *                     privilege_escalation, port_scan, web_attack, volume_spike, source_silent
 * @param severity     P1 .. P3
 * @param subjectType  ip, user, host or service
 * @param subject      the address, user name, host or service
 * @param firstSeen    first event that counted
 * @param lastSeen     latest event that counted
 * @param count        events that counted so far
 * @param evidence     journal sequence numbers of the events that triggered it (bounded: the first and latest few)
 * @param samples      a few of those events' messages
 * @param details      detector-specific facts (distinct users, ports, the attack kind, the baseline rate, ...)
 * @param open         true while the detection is ongoing
 */
public record Anomaly(long id, String detector, String severity, String subjectType, String subject,
                      Instant firstSeen, Instant lastSeen, long count, List<Long> evidence, List<String> samples,
                      Map<String, String> details, boolean open) {
    public Anomaly {
        evidence = List.copyOf(evidence);
        samples = List.copyOf(samples);
        details = Map.copyOf(details);
    }
}
