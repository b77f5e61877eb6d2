package io.sluice.server.alerts;

import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Alerts as the engine would hand them over, and polling with a deadline. */
final class TestAlerts {
    /** In the past, as the engine's would be (Alertmanager refuses alerts that start after they end). */
    static final Instant ACTIVE_SINCE = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
    static final Instant FIRED_AT = ACTIVE_SINCE.plusSeconds(60);

    private TestAlerts() {
    }

    static Alert alert(String rule, String service, AlertState state, Instant resolvedAt) {
        Map<String, String> labels = Map.of("alertname", rule, "severity", "P1", "service", service,
            "team", "payments");
        Map<String, String> annotations = Map.of("summary", "Error rate above 5%", "runbook_url",
            "deploy/runbooks/high-error-rate.md");
        Instant firedAt = state == AlertState.PENDING ? null : FIRED_AT;
        return new Alert(rule, rule + "-" + service, state, "P1", labels, annotations, 0.07, ACTIVE_SINCE, firedAt,
            resolvedAt);
    }

    static Alert firing(String rule, String service) {
        return alert(rule, service, AlertState.FIRING, null);
    }

    static Alert resolved(String rule, String service) {
        return alert(rule, service, AlertState.RESOLVED, Instant.now());
    }

    /** Short backoff so that retries take milliseconds. */
    static NotifierSettings fastSettings() {
        return NotifierSettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** A loopback port nothing listens on (until a test binds it again). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            Thread.sleep(10);
        }
    }
}
