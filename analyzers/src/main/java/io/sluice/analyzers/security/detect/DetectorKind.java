package io.sluice.analyzers.security.detect;

/**
 * The detectors, each labelled as {@link io.sluice.analyzers.security.Anomaly#detector()} writes it, with the name of
 * the number it counts in its window (shown in the anomaly's details).
 */
public enum DetectorKind {
    BRUTE_FORCE("brute_force", "failures"),
    PASSWORD_SPRAYING("password_spraying", "distinct_users"),
    DISTRIBUTED_BRUTE_FORCE("distributed_brute_force", "distinct_ips"),
    SUCCESS_AFTER_FAILURES("success_after_failures", "failures_before_success"),
    PRIVILEGE_ESCALATION("privilege_escalation", "failures"),
    PORT_SCAN("port_scan", "distinct_ports"),
    WEB_ATTACK("web_attack", "attacks"),
    /** 401/403 bursts from one address (a detector name beside the contract's list: a burst is not a signature hit). */
    WEB_AUTH_BURST("web_auth_burst", "denied_requests"),
    VOLUME_SPIKE("volume_spike", "events_in_bucket");

    public static final int COUNT = values().length;

    private final String label;
    private final String countName;

    DetectorKind(String label, String countName) {
        this.label = label;
        this.countName = countName;
    }

    public String label() {
        return label;
    }

    /** Name of the in-window count in the anomaly's details. */
    public String countName() {
        return countName;
    }
}
