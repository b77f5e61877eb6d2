package io.sluice.server.security;

import io.sluice.alerts.AlertFunction;
import io.sluice.alerts.AlertFunctions;
import io.sluice.alerts.AlertQuery;
import io.sluice.alerts.Argument;
import io.sluice.alerts.Comparison;
import io.sluice.alerts.FunctionCall;
import io.sluice.alerts.InvalidRuleException;
import io.sluice.alerts.ThresholdUnit;
import io.sluice.analyzers.security.Anomaly;
import io.sluice.analyzers.stats.StreamStats;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code anomaly(detector=brute_force, severity<=P2)}: the number of open anomalies matching, per key. Arguments:
 * <ul>
 *   <li>{@code detector=NAME} or {@code detector=*} (the default): which detector's anomalies count</li>
 *   <li>{@code severity} with {@code = != < <= > >=}, compared by urgency rank: {@code severity<=P2} is P2 or worse
 *       (P1, P2), {@code severity=P1} only P1</li>
 *   <li>{@code by=detector} (the default: key label {@code detector}) or {@code by=subject} (key label
 *       {@code subject}: one alert per attacking address, user ...)</li>
 * </ul>
 * A named detector with nothing open reports 0 (so {@code == 0} rules work); {@code *} reports only detectors or
 * subjects with something open, and a key that disappears resolves its alert. Example rule:
 * {@code anomaly(detector=brute_force, severity<=P2) > 0}.
 *
 * <p>Thread contract: {@link #bind} on the rule-loading thread; the bound query's {@code evaluate} on the alert
 * engine's thread, reading the store's open anomalies (a concurrent view; allocation per evaluation is fine).
 */
public final class AnomalyAlertFunction implements AlertFunction {
    /** The name rules call it by. */
    public static final String NAME = "anomaly";

    private final Supplier<? extends Collection<Anomaly>> openAnomalies;

    /** Reads {@code openAnomalies} at each evaluation (a config check may pass an empty list). */
    public AnomalyAlertFunction(Supplier<? extends Collection<Anomaly>> openAnomalies) {
        this.openAnomalies = openAnomalies;
    }

    /** The built-in functions plus {@code anomaly(...)} over {@code store}'s open anomalies. */
    public static AlertFunctions withAnomalies(AnomalyStore store) {
        return withAnomalies(AlertFunctions.builtins(), store::openAnomalies);
    }

    /** {@code functions} plus {@code anomaly(...)} over {@code openAnomalies}. */
    public static AlertFunctions withAnomalies(AlertFunctions functions,
                                               Supplier<? extends Collection<Anomaly>> openAnomalies) {
        return functions.with(NAME, new AnomalyAlertFunction(openAnomalies));
    }

    @Override
    public ThresholdUnit unit() {
        return ThresholdUnit.COUNT;
    }

    @Override
    public AlertQuery bind(FunctionCall call) {
        String detector = null;
        Comparison severityOp = null;
        int severityRank = 0;
        boolean bySubject = false;
        for (Argument arg : call.args()) {
            switch (arg.name()) {
                case "detector" -> detector = detector(arg);
                case "severity" -> {
                    severityRank = rank(arg.value());
                    if (arg.wildcard() || severityRank == 0) {
                        throw new InvalidRuleException(null, arg.column(), "severity takes P1, P2 or P3, not '"
                            + arg.value() + "'");
                    }
                    severityOp = arg.comparison();
                }
                case "by" -> bySubject = by(arg);
                default -> throw new InvalidRuleException(null, arg.column(), "unknown argument '" + arg.name()
                    + "' for anomaly(): it takes detector=, severity (= != < <= > >=), by=detector|subject");
            }
        }
        return new Query(detector, severityOp, severityRank, bySubject);
    }

    private static String detector(Argument arg) {
        if (arg.comparison() != Comparison.EQ || (!arg.wildcard() && arg.value().isEmpty())) {
            throw new InvalidRuleException(null, arg.column(), "detector takes '=' and a detector name or *");
        }
        return arg.wildcard() ? null : arg.value();
    }

    private static boolean by(Argument arg) {
        if (arg.comparison() == Comparison.EQ && (arg.value().equals("detector") || arg.value().equals("subject"))) {
            return arg.value().equals("subject");
        }
        throw new InvalidRuleException(null, arg.column(), "by takes detector or subject, not '" + arg.value() + "'");
    }

    /** P1 -> 1 .. P3 -> 3 (lower is more urgent); 0 for anything else. */
    static int rank(String severity) {
        if (severity != null && severity.length() == 2 && (severity.charAt(0) == 'P' || severity.charAt(0) == 'p')
            && severity.charAt(1) >= '1' && severity.charAt(1) <= '3') {
            return severity.charAt(1) - '0';
        }
        return 0;
    }

    /** One bound call. */
    private final class Query implements AlertQuery {
        private final String detector;
        private final Comparison severityOp;
        private final int severityRank;
        private final boolean bySubject;

        Query(String detector, Comparison severityOp, int severityRank, boolean bySubject) {
            this.detector = detector;
            this.severityOp = severityOp;
            this.severityRank = severityRank;
            this.bySubject = bySubject;
        }

        @Override
        public String keyLabel() {
            return bySubject ? "subject" : "detector";
        }

        @Override
        public void evaluate(StreamStats stats, Sink out) {
            Map<String, Integer> counts = new TreeMap<>();
            if (detector != null && !bySubject) {
                counts.put(detector, 0);
            }
            for (Anomaly a : openAnomalies.get()) {
                if (a.open() && (detector == null || detector.equals(a.detector())) && severityHolds(a)) {
                    counts.merge(bySubject ? a.subject() : a.detector(), 1, Integer::sum);
                }
            }
            counts.forEach((key, n) -> out.onValue(key, n));
        }

        private boolean severityHolds(Anomaly a) {
            int rank = rank(a.severity());
            return severityOp == null || (rank > 0 && severityOp.test(rank, severityRank));
        }
    }
}
