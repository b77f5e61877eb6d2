package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.common.internal.StandardComponentId;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.server.support.TestServers;
import io.sluice.storage.JournalQueue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenTelemetry Java SDK's own OTLP/HTTP exporter ships logs to a running server on {@code POST /v1/logs}; replay
 * finds every record with its body, severity, time, trace context, and its record, resource and scope attributes.
 */
class OtlpExporterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
    private static final String SPAN_ID = "eee19b7ec3c1b174";
    private static final Instant TIME = Instant.parse("2026-11-23T10:00:00.123456789Z");

    @TempDir
    Path dataDir;

    @Test
    void shouldStoreWhatTheSdkProtobufExporterSends() throws Exception {
        List<LogEvent> stored = export(endpoint -> OtlpHttpLogRecordExporter.builder().setEndpoint(endpoint).build(),
            true);
        assertShipped(stored);
    }

    /**
     * SDK 1.67's public builder has no JSON option; the exporter's own internal HTTP exporter with
     * {@code exportAsJson()} and its logs marshaler are what an {@code http/json} exporter is made of.
     */
    @Test
    void shouldStoreWhatTheSdkJsonMarshalerSends() throws Exception {
        List<LogEvent> stored = export(SdkJsonExporter::new, false);
        assertShipped(stored);
    }

    private List<LogEvent> export(Function<String, LogRecordExporter> exporterFor, boolean batch) throws Exception {
        ScopeAttributesExporter exporter;
        try (SluiceServer server = SluiceServer.start(TestServers.loopback(dataDir))) {
            String endpoint = "http://127.0.0.1:" + server.port("http") + "/v1/logs";
            exporter = new ScopeAttributesExporter(exporterFor.apply(endpoint));
            Resource resource = Resource.getDefault().toBuilder().put("service.name", "checkout")
                .put("host.name", "web07").put(AttributeKey.longKey("process.pid"), 4242L).build();
            SdkLoggerProvider provider = SdkLoggerProvider.builder().setResource(resource)
                .addLogRecordProcessor(batch ? BatchLogRecordProcessor.builder(exporter).build()
                    : SimpleLogRecordProcessor.create(exporter))
                .build();
            emit(provider.loggerBuilder("io.sluice.it").setInstrumentationVersion("1.2.3").build());
            assertTrue(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess(), "flushed");
            assertTrue(provider.shutdown().join(10, TimeUnit.SECONDS).isSuccess(), "shut down");
        }
        assertTrue(exporter.exports > 0 && exporter.failures == 0,
            exporter.failures + " of " + exporter.exports + " exports failed");
        return TestServers.stored(dataDir, JournalQueue.JOURNAL);
    }

    private static void emit(Logger logger) {
        SpanContext span = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
        logger.logRecordBuilder().setTimestamp(TIME).setSeverity(Severity.ERROR).setSeverityText("ERROR")
            .setBody("payment failed").setContext(Context.root().with(Span.wrap(span)))
            .setAttribute("order.id", "A-17").setAttribute("amount", 12.5).setAttribute("retries", 3L)
            .setAttribute("fatal", false)
            .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("eu", "card")).emit();
        logger.logRecordBuilder().setTimestamp(TIME.plusSeconds(1)).setSeverity(Severity.INFO)
            .setBody(Value.of(Map.of("event", Value.of("login"), "ok", Value.of(true)))).emit();
    }

    private static void assertShipped(List<LogEvent> stored) throws Exception {
        assertEquals(2, stored.size(), stored.toString());
        for (LogEvent event : stored) {
            assertEquals(Format.OTLP, event.format());
            assertEquals(Transport.HTTP, event.transport());
            assertEquals("web07", event.fieldAsString(Field.HOSTNAME));
            assertEquals("checkout", event.fieldAsString(Field.APP_NAME));
            assertEquals("4242", event.fieldAsString(Field.PROC_ID));
            JsonNode attributes = JSON.readTree(event.fieldAsString(Field.ATTRIBUTES));
            JsonNode resource = attributes.get("resource");
            assertEquals("checkout", resource.get("service.name").textValue());
            assertEquals("web07", resource.get("host.name").textValue());
            assertEquals(4242, resource.get("process.pid").intValue());
            assertEquals("java", resource.get("telemetry.sdk.language").textValue(), "the SDK's own resource kept");
            assertEquals(JSON.readTree("{\"name\":\"io.sluice.it\",\"version\":\"1.2.3\","
                + "\"attributes\":{\"deployment\":\"it\",\"shard\":7}}"), attributes.get("scope"));
        }
        // the simple processor sends each record in its own request: the two may arrive in either order
        LogEvent error = stored.stream().filter(e -> e.severity() == io.sluice.core.Severity.ERROR.code()).findFirst()
            .orElseThrow();
        LogEvent login = stored.get(stored.get(0) == error ? 1 : 0);
        assertEquals("payment failed", error.fieldAsString(Field.MESSAGE));
        assertEquals(io.sluice.core.Severity.ERROR.code(), error.severity());
        assertEquals(TIME.getEpochSecond() * 1_000_000_000L + TIME.getNano(), error.timestampNanos());
        JsonNode attributes = JSON.readTree(error.fieldAsString(Field.ATTRIBUTES));
        assertEquals(JSON.readTree("{\"order.id\":\"A-17\",\"amount\":12.5,\"retries\":3,\"fatal\":false,"
            + "\"tags\":[\"eu\",\"card\"]}"), attributes.get("attributes"));
        assertEquals(TRACE_ID, attributes.get("traceId").textValue());
        assertEquals(SPAN_ID, attributes.get("spanId").textValue());
        assertEquals(1, attributes.get("flags").intValue(), "sampled");
        assertEquals("ERROR", attributes.get("severityText").textValue());

        assertEquals(JSON.readTree("{\"event\":\"login\",\"ok\":true}"),
            JSON.readTree(login.fieldAsString(Field.MESSAGE)), "a map body is stored as its JSON");
        assertEquals(io.sluice.core.Severity.INFORMATIONAL.code(), login.severity());
        assertFalse(JSON.readTree(login.fieldAsString(Field.ATTRIBUTES)).has("traceId"));
    }

    /**
     * The SDK's logger API cannot set scope attributes yet; this puts them on every record's scope before the real
     * exporter marshals it, and counts the exports that failed (the processors swallow failures).
     */
    private static final class ScopeAttributesExporter implements LogRecordExporter {
        private final LogRecordExporter delegate;
        private final Map<InstrumentationScopeInfo, InstrumentationScopeInfo> scopes = new HashMap<>();
        volatile int exports;
        volatile int failures;

        ScopeAttributesExporter(LogRecordExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized CompletableResultCode export(Collection<LogRecordData> logs) {
            List<LogRecordData> scoped = new ArrayList<>();
            for (LogRecordData log : logs) {
                scoped.add(new WithScope(log, scopes.computeIfAbsent(log.getInstrumentationScopeInfo(),
                    scope -> InstrumentationScopeInfo.builder(scope.getName()).setVersion(scope.getVersion())
                        .setAttributes(Attributes.of(AttributeKey.stringKey("deployment"), "it",
                            AttributeKey.longKey("shard"), 7L)).build())));
            }
            CompletableResultCode result = delegate.export(scoped);
            exports++;
            result.whenComplete(() -> failures += result.isSuccess() ? 0 : 1);
            return result;
        }

        @Override
        public CompletableResultCode flush() {
            return delegate.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.shutdown();
        }
    }

    /** A record as the SDK made it, on another scope. */
    private record WithScope(LogRecordData log, InstrumentationScopeInfo scope) implements LogRecordData {
        @Override
        public Resource getResource() {
            return log.getResource();
        }

        @Override
        public InstrumentationScopeInfo getInstrumentationScopeInfo() {
            return scope;
        }

        @Override
        public long getTimestampEpochNanos() {
            return log.getTimestampEpochNanos();
        }

        @Override
        public long getObservedTimestampEpochNanos() {
            return log.getObservedTimestampEpochNanos();
        }

        @Override
        public SpanContext getSpanContext() {
            return log.getSpanContext();
        }

        @Override
        public Severity getSeverity() {
            return log.getSeverity();
        }

        @Override
        public String getSeverityText() {
            return log.getSeverityText();
        }

        @Override
        @SuppressWarnings("deprecation")
        public Body getBody() {
            return log.getBody();
        }

        @Override
        public Value<?> getBodyValue() {
            return log.getBodyValue();
        }

        @Override
        public Attributes getAttributes() {
            return log.getAttributes();
        }

        @Override
        public int getTotalAttributeCount() {
            return log.getTotalAttributeCount();
        }

        @Override
        public String getEventName() {
            return log.getEventName();
        }
    }

    /** OTLP/HTTP with JSON bodies, assembled from the SDK exporter's own (internal) parts. */
    private static final class SdkJsonExporter implements LogRecordExporter {
        private final HttpExporter http;

        SdkJsonExporter(String endpoint) {
            http = new HttpExporterBuilder(StandardComponentId.ExporterType.OTLP_HTTP_LOG_EXPORTER, endpoint)
                .exportAsJson().build();
        }

        @Override
        public CompletableResultCode export(Collection<LogRecordData> logs) {
            return http.export(LogsRequestMarshaler.create(logs), logs.size());
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return http.shutdown();
        }
    }
}
