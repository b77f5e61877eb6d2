package io.sluice.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.alerts.AlertEngine;
import io.sluice.analyzers.StreamAnalyzers;
import io.sluice.analyzers.security.detect.DetectorKind;
import io.sluice.analyzers.security.detect.SecurityMetrics;
import io.sluice.analyzers.latency.PipelineLatencyRecorder;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.Window;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.ingest.SourceMetrics;
import io.sluice.ingest.http.BodyBudget;
import io.sluice.ingest.http.DurableAcks;
import io.sluice.ingest.http.HttpIngestMetrics;
import io.sluice.server.http.BearerTokenAuth;
import io.sluice.storage.Journal;
import io.sluice.storage.JournalMetrics;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * Binds the counters each module keeps (plain adders and fields, cheap on the hot path) into Micrometer as
 * function counters and gauges, read only when {@code /metrics} is scraped. Every name is prefixed {@code sluice_}.
 */
final class SluiceMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JvmGcMetrics gcMetrics;

    SluiceMetrics() {
        // promtool check metrics fails on two ProcessorMetrics names: process_cpu_time_ns_total (abbreviated,
        // non-base unit; process_cpu_usage stays) and system_cpu_count ("_count" on a gauge): drop one, rename one.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")))
            .meterFilter(new MeterFilter() {
                @Override
                public Meter.Id map(Meter.Id id) {
                    return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.logical") : id;
                }
            });
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    void bindJvm() {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    void bindSource(SourceMetrics source, JournalMetrics journal) {
        String transport = source.transport().label();
        FunctionCounter.builder("sluice.events.stored", journal, j -> j.storedEvents(source.transport()))
            .description("Events of this transport appended to the journal").tag("transport", transport)
            .register(registry);
        FunctionCounter.builder("sluice.events.dead.lettered", journal, j -> j.deadLetteredEvents(source.transport()))
            .description("Events of this transport appended to the dead-letter queue").tag("transport", transport)
            .register(registry);
        counter("sluice.events.received", "Events read from clients and published to the ring", transport,
            source.eventsReceived);
        counter("sluice.bytes.received", "Bytes read from clients", transport, source.bytesReceived);
        counter("sluice.frames.truncated", "Frames longer than the maximum: cut and dead-lettered", transport,
            source.framesTruncated);
        counter("sluice.truncated.bytes", "Bytes discarded from the tails of cut frames", transport,
            source.truncatedBytes);
        counter("sluice.framing.errors", "Octet-counting headers that were not a number (fell back to LF framing)",
            transport, source.framingErrors);
        counter("sluice.parse.failures", "Events that parsed as neither RFC 5424 nor RFC 3164, kept as raw",
            transport, source.parseFailures);
        counter("sluice.backpressure.pauses", "Times a connection was paused because the ring was full", transport,
            source.backpressurePauses);
        counter("sluice.connections.opened", "Client connections accepted", transport, source.connectionsOpened);
        counter("sluice.connection.errors", "Client connections that failed with a read error", transport,
            source.connectionErrors);
        counter("sluice.events.dropped", "Events dropped because the ring was full (UDP only: it cannot push back)",
            transport, source.eventsDropped);
        counter("sluice.tls.handshake.failures", "TLS handshakes that failed (bad or missing client certificate, ...)",
            transport, source.handshakeFailures);
        counter("sluice.tls.certificate.reloads", "Times new TLS certificates were taken into use", transport,
            source.certificateReloads);
        counter("sluice.tls.certificate.reload.failures", "Certificate reloads refused (old certificates kept)",
            transport, source.certificateReloadFailures);
        Gauge.builder("sluice.connections.active", source.connectionsActive, java.util.concurrent.atomic.AtomicLong::get)
            .description("Client connections open now").tag("transport", transport).register(registry);
    }

    void bindHttpIngest(List<HttpIngestMetrics> protocols, DurableAcks acks) {
        for (HttpIngestMetrics protocol : protocols) {
            String name = protocol.protocol();
            for (int status : HttpIngestMetrics.STATUSES) {
                FunctionCounter.builder("sluice.http.ingest.requests", protocol, p -> p.responses(status))
                    .description("Ingest requests answered, by protocol and status").tag("protocol", name)
                    .tag("status", Integer.toString(status)).register(registry);
            }
            FunctionCounter.builder("sluice.http.ingest.events.accepted", protocol.eventsAccepted, LongAdder::sum)
                .description("Events stored from HTTP ingest requests").tag("protocol", name).register(registry);
            FunctionCounter.builder("sluice.http.ingest.records.rejected", protocol.recordsRejected, LongAdder::sum)
                .description("Records refused inside otherwise accepted bodies (bad JSON line, bad bulk item)")
                .tag("protocol", name).register(registry);
        }
        Gauge.builder("sluice.http.ingest.acks.waiting", acks, DurableAcks::waiting)
            .description("Ingest requests waiting for their events to reach the journal").register(registry);
    }

    void bindBodyBudget(BodyBudget budget) {
        Gauge.builder("sluice.http.ingest.inflight.body.bytes", budget, BodyBudget::inUseBytes)
            .description("Bytes of request bodies held by ingest requests not answered yet").baseUnit("bytes")
            .register(registry);
        Gauge.builder("sluice.http.ingest.inflight.body.limit.bytes", budget, BodyBudget::capacityBytes)
            .description("http.max-inflight-body-bytes: beyond it a request is answered 503").baseUnit("bytes")
            .register(registry);
        functionCounter("sluice.http.ingest.body.budget.refusals",
            "Ingest requests answered 503 because their body did not fit the in-flight budget", budget,
            BodyBudget::refusals);
    }

    void bindAuth(BearerTokenAuth auth) {
        functionCounter("sluice.http.unauthorized", "Requests refused with 401 (missing or wrong bearer token)", auth,
            BearerTokenAuth::rejected);
    }

    /**
     * Sluice's own latency next to the services': receive -> journal append and receive -> analyzer, percentiles over
     * the last minute; the alert engine's health; and the per-key stream gauges (returned: refresh before a scrape).
     */
    StreamStatsGauges bindAnalyzers(StreamAnalyzers analyzers, AlertEngine alerts) {
        pipelineLatency("journal", analyzers.journalLatency());
        pipelineLatency("analyzer", analyzers.analyzerLatency());
        Gauge.builder("sluice.alerts.active", alerts, a -> a.active().size())
            .description("Alerts pending or firing now").register(registry);
        functionCounter("sluice.alerts.evaluation.failures", "Alert evaluations that failed (state kept)", alerts,
            AlertEngine::evaluationFailures);
        functionCounter("sluice.alerts.listener.failures", "Alert notifications a listener failed to take", alerts,
            AlertEngine::listenerFailures);
        return new StreamStatsGauges(analyzers, registry, MAX_EXPORTED_KEYS);
    }

    void bindSecurity(SecurityMetrics security) {
        for (DetectorKind kind : DetectorKind.values()) {
            FunctionCounter.builder("sluice.security.anomalies.created", security, m -> m.anomaliesCreated(kind))
                .description("Anomalies opened, per detector").tag("detector", kind.label()).register(registry);
            Gauge.builder("sluice.security.tracked.keys", security, m -> m.trackedKeys(kind))
                .description("Keys (IPs, users, hosts) a detector holds state for; bounded per detector")
                .tag("detector", kind.label()).register(registry);
        }
        Gauge.builder("sluice.security.anomalies.open", security, SecurityMetrics::openAnomalies)
            .description("Anomalies open now").register(registry);
        functionCounter("sluice.security.events", "Events the recognizer read as security events", security,
            SecurityMetrics::securityEvents);
    }

    /** Per-key gauges exported per dimension, on top of the analyzers' own cap: keeps a scrape readable. */
    static final int MAX_EXPORTED_KEYS = 1_000;

    private void pipelineLatency(String stage, PipelineLatencyRecorder recorder) {
        String[] percentiles = {"50", "99", "99.9", "100"};
        for (String p : percentiles) {
            double percentile = Double.parseDouble(p);
            Gauge.builder("sluice.pipeline.latency.seconds", recorder,
                    r -> seconds(r.window(Window.ONE_MINUTE, System.currentTimeMillis() * 1_000_000L), percentile))
                .description("Receive -> stage latency inside Sluice over the last minute")
                .tags("stage", stage, "percentile", p).register(registry);
        }
    }

    /** Prometheus wants base units: the summaries are in milliseconds. */
    private static double seconds(LatencySummary summary, double percentile) {
        return summary.count() == 0 ? Double.NaN : summary.percentile(percentile) / 1000.0;
    }

    void bindJournal(Journal store) {
        JournalMetrics journal = store.metrics();
        functionCounter("sluice.journal.pages.released",
            "Journal pages behind the writer handed back to the kernel (journal.drop-behind; pages still mapped "
                + "elsewhere stay)",
            store, Journal::pagesReleased);
        functionCounter("sluice.journal.events.stored", "Events appended to the journal", journal,
            JournalMetrics::eventsAppended);
        functionCounter("sluice.journal.events.dead.lettered", "Events appended to the dead-letter queue", journal,
            JournalMetrics::deadLetteredEvents);
        functionCounter("sluice.journal.appended.bytes", "Bytes of records appended to the journal queues", journal,
            JournalMetrics::bytesAppended);
        functionCounter("sluice.journal.excerpts", "Chronicle excerpts (event batches) written", journal,
            JournalMetrics::excerptsWritten);
        functionCounter("sluice.journal.append.errors", "Appends that failed", journal, JournalMetrics::appendErrors);
        Gauge.builder("sluice.journal.disk.bytes", journal, JournalMetrics::diskBytes)
            .description("Size of the journal and dead-letter queue files on disk").baseUnit("bytes")
            .register(registry);
        Gauge.builder("sluice.journal.last.sequence", journal, JournalMetrics::lastAppendedSequence)
            .description("Sequence number of the last event appended").register(registry);
    }

    void bindPipeline(EventPipeline pipeline) {
        Gauge.builder("sluice.ring.remaining.capacity", pipeline, EventPipeline::remainingCapacity)
            .description("Free ring slots; near zero means consumers cannot keep up").register(registry);
        Gauge.builder("sluice.ring.size", pipeline, EventPipeline::bufferSize)
            .description("Ring slots").register(registry);
        functionCounter("sluice.pipeline.handler.errors", "Events a ring consumer failed on (logged, skipped)",
            pipeline, EventPipeline::handlerErrors);
    }

    private void counter(String name, String help, String transport, LongAdder adder) {
        FunctionCounter.builder(name, adder, LongAdder::sum).description(help).tag("transport", transport)
            .register(registry);
    }

    private <T> void functionCounter(String name, String help, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(help).register(registry);
    }

    void close() {
        if (gcMetrics != null) {
            gcMetrics.close();
        }
        registry.close();
    }

    MeterRegistry meterRegistry() {
        return registry;
    }
}
