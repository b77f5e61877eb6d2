package io.sluice.server.alerts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Alertmanager's v2 API: {@code POST {url}/api/v2/alerts} with a JSON array of
 * {@code {labels, annotations, startsAt, endsAt?, generatorURL}}. Firing alerts (state changes and the engine's
 * periodic re-sends) go without {@code endsAt}, so Alertmanager keeps them active for its {@code resolve_timeout}
 * after the last re-send; resolved alerts carry {@code endsAt} = resolve time, which ends them at once.
 *
 * <p>Thread contract: stateless after construction; called on the outbox thread.
 */
public final class AlertmanagerNotifier implements Notifier {
    /** Alerts per POST: Alertmanager takes arrays, and a backlog after an outage drains in few requests. */
    public static final int MAX_BATCH = 64;

    private static final JsonFactory JSON = new JsonFactory();
    private final URI endpoint;
    private final URI externalUrl;

    /** @param baseUrl Alertmanager's base URL, e.g. {@code http://127.0.0.1:9093} (a path prefix is kept) */
    public AlertmanagerNotifier(URI baseUrl, URI externalUrl) {
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "api/v2/alerts");
        this.externalUrl = externalUrl;
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public String cursorName() {
        return "alertmanager";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public boolean accepts(AlertRecord record) {
        return record.notifiable();
    }

    @Override
    public int maxBatch() {
        return MAX_BATCH;
    }

    @Override
    public byte[] body(List<AlertRecord> batch) throws IOException {
        // Only the newest record per alert matters to Alertmanager (a backlog may hold firing, re-sends, resolved).
        Map<String, AlertRecord> latest = new LinkedHashMap<>();
        for (AlertRecord record : batch) {
            latest.remove(record.alert().fingerprint());
            latest.put(record.alert().fingerprint(), record);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * latest.size());
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (AlertRecord record : latest.values()) {
                writeAlert(record, json);
            }
            json.writeEndArray();
        }
        return out.toByteArray();
    }

    private void writeAlert(AlertRecord record, JsonGenerator json) throws IOException {
        Alert alert = record.alert();
        json.writeStartObject();
        AlertJson.writeMap(json, "labels", labels(alert));
        AlertJson.writeMap(json, "annotations", alert.annotations());
        Instant startsAt = AlertJson.startsAt(record);
        AlertJson.writeTime(json, "startsAt", startsAt);
        if (alert.state() == AlertState.RESOLVED) {
            // Alertmanager refuses the whole POST if one alert ends before it starts (clock steps, odd engine input).
            Instant endsAt = AlertJson.endsAt(record);
            AlertJson.writeTime(json, "endsAt", endsAt.isBefore(startsAt) ? startsAt : endsAt);
        }
        json.writeStringField("generatorURL", AlertJson.generatorUrl(externalUrl, alert));
        json.writeEndObject();
    }

    /**
     * Alertmanager refuses the whole POST (400) for one bad label name, so names are made valid here
     * ({@code [a-zA-Z_][a-zA-Z0-9_]*}) and empty values left out (Prometheus treats them as absent).
     */
    static Map<String, String> labels(Alert alert) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert.rule());
        if (alert.labels() != null) {
            alert.labels().forEach((name, value) -> {
                if (value != null && !value.isEmpty()) {
                    labels.put(labelName(name), value);
                }
            });
        }
        return labels;
    }

    static String labelName(String name) {
        if (name == null || name.isEmpty()) {
            return "_";
        }
        StringBuilder valid = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            valid.append(ok ? c : '_');
        }
        return valid.toString();
    }
}
