package io.sluice.analyzers.security.detect;

/** What an anomaly's subject is, labelled as {@link io.sluice.analyzers.security.Anomaly#subjectType()} writes it. */
public enum SubjectType {
    IP("ip"),
    USER("user"),
    HOST("host"),
    SERVICE("service");

    private final String label;

    SubjectType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
