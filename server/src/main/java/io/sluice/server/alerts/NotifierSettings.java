package io.sluice.server.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where alerts go and how hard Sluice tries: the notifier part of the {@code alerts:} config section.
 *
 * @param alertmanagerUrl Alertmanager base URL ({@code http://host:9093}); null for none
 * @param webhookUrls     generic JSON webhooks, each its own destination
 * @param externalUrl     Sluice's own URL: {@code generatorURL} of each alert and the webhooks' {@code externalURL}
 * @param receiver        the {@code receiver} field of webhook payloads
 * @param connectTimeout  TCP connect limit per destination
 * @param requestTimeout  whole-request limit (connect to response headers); a timeout counts as a failure
 * @param backoffInitial  wait before the first retry; doubles per failed attempt
 * @param backoffMax      cap on the wait between retries
 * @param outboxCapacity  undelivered notifications kept per destination; the oldest go first when full
 */
public record NotifierSettings(URI alertmanagerUrl, List<URI> webhookUrls, URI externalUrl, String receiver,
                               Duration connectTimeout, Duration requestTimeout, Duration backoffInitial,
                               Duration backoffMax, int outboxCapacity) {
    public static final URI DEFAULT_EXTERNAL_URL = URI.create("http://localhost:8080");
    public static final String DEFAULT_RECEIVER = "sluice";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(60);
    public static final int DEFAULT_OUTBOX_CAPACITY = 10_000;

    public NotifierSettings {
        webhookUrls = List.copyOf(webhookUrls);
        requireHttp(alertmanagerUrl, true);
        webhookUrls.forEach(url -> requireHttp(url, false));
        requireHttp(externalUrl, false);
        if (receiver == null || receiver.isBlank()) {
            throw new IllegalArgumentException("receiver must not be blank");
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("backoffInitial", backoffInitial);
        requirePositive("backoffMax", backoffMax);
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax " + backoffMax + " is below backoffInitial "
                + backoffInitial);
        }
        if (outboxCapacity < 1) {
            throw new IllegalArgumentException("outboxCapacity must be at least 1, got " + outboxCapacity);
        }
    }

    /** No destinations, every limit at its default. */
    public static NotifierSettings defaults() {
        return new NotifierSettings(null, List.of(), DEFAULT_EXTERNAL_URL, DEFAULT_RECEIVER, DEFAULT_CONNECT_TIMEOUT,
            DEFAULT_REQUEST_TIMEOUT, DEFAULT_BACKOFF_INITIAL, DEFAULT_BACKOFF_MAX, DEFAULT_OUTBOX_CAPACITY);
    }

    public NotifierSettings withAlertmanager(URI url) {
        return new NotifierSettings(url, webhookUrls, externalUrl, receiver, connectTimeout, requestTimeout,
            backoffInitial, backoffMax, outboxCapacity);
    }

    public NotifierSettings withWebhooks(List<URI> urls) {
        return new NotifierSettings(alertmanagerUrl, urls, externalUrl, receiver, connectTimeout, requestTimeout,
            backoffInitial, backoffMax, outboxCapacity);
    }

    public NotifierSettings withExternalUrl(URI url) {
        return new NotifierSettings(alertmanagerUrl, webhookUrls, url, receiver, connectTimeout, requestTimeout,
            backoffInitial, backoffMax, outboxCapacity);
    }

    public NotifierSettings withTimeouts(Duration connect, Duration request) {
        return new NotifierSettings(alertmanagerUrl, webhookUrls, externalUrl, receiver, connect, request,
            backoffInitial, backoffMax, outboxCapacity);
    }

    public NotifierSettings withBackoff(Duration initial, Duration max) {
        return new NotifierSettings(alertmanagerUrl, webhookUrls, externalUrl, receiver, connectTimeout,
            requestTimeout, initial, max, outboxCapacity);
    }

    public NotifierSettings withOutboxCapacity(int capacity) {
        return new NotifierSettings(alertmanagerUrl, webhookUrls, externalUrl, receiver, connectTimeout,
            requestTimeout, backoffInitial, backoffMax, capacity);
    }

    private static void requireHttp(URI url, boolean nullable) {
        if (url == null) {
            if (nullable) {
                return;
            }
            throw new IllegalArgumentException("URL must not be null");
        }
        String scheme = url.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
