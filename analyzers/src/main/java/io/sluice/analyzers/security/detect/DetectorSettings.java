package io.sluice.analyzers.security.detect;

import java.time.Duration;

/**
 * Thresholds and memory bounds of the security detectors.
 *
 * @param maxTrackedKeys          keys (IPs, users, hosts) each detector tracks; past it the stalest key is evicted.
 *                                Each key costs ~40 B plus 16 B per counted event (24 B per distinct value)
 * @param maxOpenAnomalies        open anomalies kept; past it the least recently updated one is closed early
 * @param evidenceFirst           sequence numbers kept from the start of an anomaly (the events that tripped it)
 * @param evidenceLatest          sequence numbers kept from its latest events
 * @param samples                 sample messages kept per anomaly
 * @param bruteForce              failed logins (AUTH_FAILURE, INVALID_USER) from one IP: P2 (fail2ban sshd: 5 in 10 m)
 * @param passwordSpraying        distinct users one IP failed against: P2
 * @param distributedBruteForce   distinct IPs one user failed from: P2
 * @param successAfterFailures    failures of an IP (else its user) before an AUTH_SUCCESS: P1, possible compromise
 * @param privilegeEscalation     sudo/su failures and "NOT in sudoers" per user (else host): P2
 * @param privilegeEscalationP1   failures within the same window that raise a privilege anomaly to P1: more than the
 *                                two to four lines one fumbled sudo writes, so only persistence pages someone
 * @param portScan                distinct destination ports one source hits in firewall logs: P2
 * @param webAttack               requests with an attack signature or a scanner's user agent per IP: P2
 * @param webAuthBurst            401/403 answers to one IP: P3
 * @param volume                  per-host event-rate spikes: P3
 */
public record DetectorSettings(int maxTrackedKeys, int maxOpenAnomalies, int evidenceFirst, int evidenceLatest,
                               int samples, Threshold bruteForce, Threshold passwordSpraying,
                               Threshold distributedBruteForce, Threshold successAfterFailures,
                               Threshold privilegeEscalation, int privilegeEscalationP1, Threshold portScan,
                               Threshold webAttack, Threshold webAuthBurst, VolumeSettings volume) {
    public static final int DEFAULT_MAX_TRACKED_KEYS = 16_384;
    public static final int DEFAULT_MAX_OPEN_ANOMALIES = 10_000;
    public static final int DEFAULT_EVIDENCE_FIRST = 10;
    public static final int DEFAULT_EVIDENCE_LATEST = 10;
    public static final int DEFAULT_SAMPLES = 3;
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    public static final Threshold DEFAULT_BRUTE_FORCE = Threshold.of(5, TEN_MINUTES);
    public static final Threshold DEFAULT_PASSWORD_SPRAYING = Threshold.of(5, TEN_MINUTES);
    public static final Threshold DEFAULT_DISTRIBUTED_BRUTE_FORCE = Threshold.of(5, TEN_MINUTES);
    public static final Threshold DEFAULT_SUCCESS_AFTER_FAILURES = Threshold.of(3, TEN_MINUTES);
    public static final Threshold DEFAULT_PRIVILEGE_ESCALATION = Threshold.of(1, TEN_MINUTES);
    public static final int DEFAULT_PRIVILEGE_ESCALATION_P1 = 5;
    public static final Threshold DEFAULT_PORT_SCAN = Threshold.of(10, ONE_MINUTE);
    public static final Threshold DEFAULT_WEB_ATTACK = Threshold.of(1, TEN_MINUTES);
    public static final Threshold DEFAULT_WEB_AUTH_BURST = Threshold.of(10, ONE_MINUTE);
    /** Upper bound on a key cap: per-key arrays are preallocated. */
    public static final int MAX_TRACKED_KEYS = 1 << 22;
    /** Upper bound on keys x threshold count, the slots one detector preallocates (16-24 B each). */
    public static final long MAX_SLOTS_PER_DETECTOR = 1L << 26;

    public DetectorSettings {
        requireRange("max tracked keys", maxTrackedKeys, 1, MAX_TRACKED_KEYS);
        requireRange("max open anomalies", maxOpenAnomalies, 1, MAX_TRACKED_KEYS);
        requireRange("evidence first", evidenceFirst, 1, 1024);
        requireRange("evidence latest", evidenceLatest, 0, 1024);
        requireRange("samples", samples, 0, 100);
        if (bruteForce == null || passwordSpraying == null || distributedBruteForce == null
            || successAfterFailures == null || privilegeEscalation == null || portScan == null || webAttack == null
            || webAuthBurst == null || volume == null) {
            throw new IllegalArgumentException("every detector's threshold is required");
        }
        requireRange("privilege escalation P1 failures", privilegeEscalationP1, privilegeEscalation.count(),
            Threshold.MAX_COUNT);
        int deepest = privilegeEscalationP1;
        for (Threshold t : new Threshold[] {bruteForce, passwordSpraying, distributedBruteForce, successAfterFailures,
            portScan, webAttack, webAuthBurst}) {
            deepest = Math.max(deepest, t.count());
        }
        if ((long) maxTrackedKeys * deepest > MAX_SLOTS_PER_DETECTOR) {
            throw new IllegalArgumentException("max tracked keys x the largest threshold count must be <= "
                + MAX_SLOTS_PER_DETECTOR + " (preallocated), got " + maxTrackedKeys + " x " + deepest);
        }
    }

    public static DetectorSettings defaults() {
        return new DetectorSettings(DEFAULT_MAX_TRACKED_KEYS, DEFAULT_MAX_OPEN_ANOMALIES, DEFAULT_EVIDENCE_FIRST,
            DEFAULT_EVIDENCE_LATEST, DEFAULT_SAMPLES, DEFAULT_BRUTE_FORCE, DEFAULT_PASSWORD_SPRAYING,
            DEFAULT_DISTRIBUTED_BRUTE_FORCE, DEFAULT_SUCCESS_AFTER_FAILURES, DEFAULT_PRIVILEGE_ESCALATION,
            DEFAULT_PRIVILEGE_ESCALATION_P1, DEFAULT_PORT_SCAN, DEFAULT_WEB_ATTACK, DEFAULT_WEB_AUTH_BURST,
            VolumeSettings.defaults());
    }

    public DetectorSettings withMaxTrackedKeys(int keys) {
        return new DetectorSettings(keys, maxOpenAnomalies, evidenceFirst, evidenceLatest, samples, bruteForce,
            passwordSpraying, distributedBruteForce, successAfterFailures, privilegeEscalation, privilegeEscalationP1,
            portScan, webAttack, webAuthBurst, volume);
    }

    public DetectorSettings withMaxOpenAnomalies(int open) {
        return new DetectorSettings(maxTrackedKeys, open, evidenceFirst, evidenceLatest, samples, bruteForce,
            passwordSpraying, distributedBruteForce, successAfterFailures, privilegeEscalation, privilegeEscalationP1,
            portScan, webAttack, webAuthBurst, volume);
    }

    public DetectorSettings withEvidence(int first, int latest, int sampleCount) {
        return new DetectorSettings(maxTrackedKeys, maxOpenAnomalies, first, latest, sampleCount, bruteForce,
            passwordSpraying, distributedBruteForce, successAfterFailures, privilegeEscalation, privilegeEscalationP1,
            portScan, webAttack, webAuthBurst, volume);
    }

    public DetectorSettings withVolume(VolumeSettings value) {
        return new DetectorSettings(maxTrackedKeys, maxOpenAnomalies, evidenceFirst, evidenceLatest, samples,
            bruteForce, passwordSpraying, distributedBruteForce, successAfterFailures, privilegeEscalation,
            privilegeEscalationP1, portScan, webAttack, webAuthBurst, value);
    }

    /** The rule of a threshold detector; for {@link DetectorKind#VOLUME_SPIKE}, its minimum events and quiet period. */
    public Threshold ruleOf(DetectorKind kind) {
        return switch (kind) {
            case BRUTE_FORCE -> bruteForce;
            case PASSWORD_SPRAYING -> passwordSpraying;
            case DISTRIBUTED_BRUTE_FORCE -> distributedBruteForce;
            case SUCCESS_AFTER_FAILURES -> successAfterFailures;
            case PRIVILEGE_ESCALATION -> privilegeEscalation;
            case PORT_SCAN -> portScan;
            case WEB_ATTACK -> webAttack;
            case WEB_AUTH_BURST -> webAuthBurst;
            case VOLUME_SPIKE -> Threshold.of((int) Math.min(Threshold.MAX_COUNT, Math.max(1, volume.minEvents())),
                volume.quiet());
        };
    }

    private static void requireRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + value);
        }
    }
}
