package io.sluice.server.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifierSettingsTest {
    @Test
    void shouldDefaultToNoDestinationsAndTheDocumentedLimits() {
        NotifierSettings defaults = NotifierSettings.defaults();
        assertEquals(null, defaults.alertmanagerUrl());
        assertEquals(List.of(), defaults.webhookUrls());
        assertEquals(10_000, defaults.outboxCapacity());
        assertEquals(Duration.ofSeconds(1), defaults.backoffInitial());
        assertEquals(Duration.ofSeconds(60), defaults.backoffMax());
        assertEquals(List.of(), AlertNotifications.notifiers(defaults));
    }

    @Test
    void shouldNameOneDestinationPerUrl() {
        NotifierSettings settings = NotifierSettings.defaults().withAlertmanager(URI.create("http://am:9093"))
            .withWebhooks(List.of(URI.create("http://a/hook"), URI.create("https://b/hook?token=secret")));
        assertEquals(List.of("alertmanager", "webhook-1", "webhook-2"), AlertNotifications.notifiers(settings)
            .stream().map(Notifier::name).toList());
    }

    @Test
    void shouldRefuseWhatCannotWork() {
        NotifierSettings defaults = NotifierSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withAlertmanager(URI.create("ftp://am")));
        assertThrows(IllegalArgumentException.class, () -> defaults.withWebhooks(List.of(URI.create("/relative"))));
        assertThrows(IllegalArgumentException.class, () -> defaults.withOutboxCapacity(0));
        assertThrows(IllegalArgumentException.class,
            () -> defaults.withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
