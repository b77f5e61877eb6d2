package io.sluice.server.alerts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generic JSON webhook with Alertmanager's webhook payload (version 4), so receivers written for Alertmanager
 * work unchanged. One POST per state change (firing, resolved) of one alert, grouped by {@code alertname}; the
 * engine's periodic re-sends of firing alerts are not sent (a webhook is told about changes only).
 *
 * <p>Thread contract: stateless after construction; called on the outbox thread.
 */
public final class WebhookNotifier implements Notifier {
    private static final JsonFactory JSON = new JsonFactory();
    private final URI url;
    private final String name;
    private final URI externalUrl;
    private final String receiver;

    /** @param name label for metrics and logs, e.g. {@code webhook-1} (the URL may hold secrets) */
    public WebhookNotifier(URI url, String name, URI externalUrl, String receiver) {
        this.url = url;
        this.name = name;
        this.externalUrl = externalUrl;
        this.receiver = receiver;
    }

    @Override
    public String name() {
        return name;
    }

    /** Derived from the URL, so reordering the webhooks in the config keeps each one's pending notifications. */
    @Override
    public String cursorName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return "webhook-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public URI endpoint() {
        return url;
    }

    @Override
    public boolean accepts(AlertRecord record) {
        return record.transition() && record.notifiable();
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public byte[] body(List<AlertRecord> batch) throws IOException {
        AlertRecord record = batch.get(0);
        Alert alert = record.alert();
        String status = status(alert);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("version", "4");
            json.writeStringField("groupKey", "{}:{alertname=\"" + alert.rule().replace("\"", "\\\"") + "\"}");
            json.writeNumberField("truncatedAlerts", 0);
            json.writeStringField("status", status);
            json.writeStringField("receiver", receiver);
            AlertJson.writeMap(json, "groupLabels", Map.of("alertname", alert.rule()));
            Map<String, String> labels = AlertmanagerNotifier.labels(alert);
            AlertJson.writeMap(json, "commonLabels", labels);
            AlertJson.writeMap(json, "commonAnnotations", alert.annotations());
            json.writeStringField("externalURL", externalUrl.toString());
            json.writeArrayFieldStart("alerts");
            writeAlert(record, status, labels, json);
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private void writeAlert(AlertRecord record, String status, Map<String, String> labels, JsonGenerator json)
        throws IOException {
        Alert alert = record.alert();
        json.writeStartObject();
        json.writeStringField("status", status);
        AlertJson.writeMap(json, "labels", labels);
        AlertJson.writeMap(json, "annotations", alert.annotations());
        AlertJson.writeTime(json, "startsAt", AlertJson.startsAt(record));
        if (alert.state() == AlertState.RESOLVED) {
            AlertJson.writeTime(json, "endsAt", AlertJson.endsAt(record));
        } else {
            json.writeStringField("endsAt", AlertJson.ZERO_TIME);
        }
        json.writeStringField("generatorURL", AlertJson.generatorUrl(externalUrl, alert));
        json.writeStringField("fingerprint", alert.fingerprint());
        json.writeEndObject();
    }

    private static String status(Alert alert) {
        return alert.state().name().toLowerCase(Locale.ROOT); // firing | resolved (accepts() lets no other through)
    }
}
