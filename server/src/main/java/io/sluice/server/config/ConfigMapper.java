package io.sluice.server.config;

import io.sluice.alerts.AlertFunctions;
import io.sluice.alerts.AlertsYaml;
import io.sluice.analyzers.AnalyzerSettings;
import io.sluice.analyzers.errors.ErrorSettings;
import io.sluice.analyzers.latency.LatencyField;
import io.sluice.analyzers.latency.LatencySettings;
import io.sluice.analyzers.scan.DurationUnit;
import io.sluice.core.pipeline.PipelineSettings;
import io.sluice.server.security.AnomalyAlertFunction;
import io.sluice.core.pipeline.WaitStrategyKind;
import io.sluice.ingest.http.HttpIngestSettings;
import io.sluice.ingest.tcp.SyslogTcpSettings;
import io.sluice.ingest.tls.SyslogTlsSettings;
import io.sluice.ingest.tls.TlsEngine;
import io.sluice.ingest.udp.SyslogUdpSettings;
import java.time.Duration;
import java.nio.file.Files;
import io.sluice.storage.JournalSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Turns the file as written into the config the server runs with: every absent value takes its default. */
final class ConfigMapper {
    private ConfigMapper() {
    }

    static SluiceConfig map(ConfigFile file, Path configDir, String source) {
        String bind = or(file.bind(), SluiceConfig.DEFAULT_BIND);
        ConfigFile.Syslog syslog = or(file.syslog(), new ConfigFile.Syslog(null, null, null));
        ConfigFile.Http http = or(file.http(), new ConfigFile.Http(null, null, null, null, null, null, null));
        return SluiceConfig.defaults().with(b -> {
            b.dataDir = file.dataDir() == null ? SluiceConfig.DEFAULT_DATA_DIR : Path.of(file.dataDir());
            b.bind = bind;
            b.httpPort = or(http.port(), SluiceConfig.DEFAULT_HTTP_PORT);
            b.httpIngest = httpIngest(http);
            b.authTokens = file.auth() == null || file.auth().tokens() == null ? List.of() : file.auth().tokens();
            b.journal = journal(or(file.journal(), new ConfigFile.Journal(null, null, null, null, null)));
            b.syslogTcp = tcp(or(syslog.tcp(), new ConfigFile.Tcp(null, null, null, null, null)), bind);
            b.syslogUdp = udp(or(syslog.udp(), new ConfigFile.Udp(null, null, null)), bind);
            b.syslogTls = tls(or(syslog.tls(), new ConfigFile.Tls(null, null, null, null, null, null, null)), bind,
                configDir);
            b.pipeline = ring(or(file.ring(), new ConfigFile.Ring(null, null, null)));
            b.maxApps = file.counters() == null ? SluiceConfig.DEFAULT_MAX_APPS
                : or(file.counters().maxApps(), SluiceConfig.DEFAULT_MAX_APPS);
            b.analyzers = analyzers(file.analyzers());
            b.analyzerStages = file.analyzers() == null || file.analyzers().stages() == null ? AnalyzerStages.AUTO
                : AnalyzerStages.parse(file.analyzers().stages());
            // anomaly(...) rules validate here against no anomalies; the engine binds them to the live store
            b.alerts = AlertsYaml.toConfig(file.alerts(), source,
                AlertFunctions.builtins().with(AnomalyAlertFunction.NAME, new AnomalyAlertFunction(List::of)));
            b.source = source;
        });
    }

    private static JournalSettings journal(ConfigFile.Journal journal) {
        JournalSettings defaults = JournalSettings.defaults();
        return defaults.withFsync(or(journal.fsync(), defaults.fsync()))
            .withPretouch(or(journal.pretouch(), defaults.pretouch()))
            .withDropBehind(or(journal.dropBehind(), defaults.dropBehind()))
            .withMaxBatchEvents(or(journal.maxBatchEvents(), defaults.maxBatchEvents()))
            .withMaxBatchBytes(or(journal.maxBatchBytes(), defaults.maxBatchBytes()));
    }

    private static HttpIngestSettings httpIngest(ConfigFile.Http http) {
        int body = or(http.maxBodyBytes(), HttpIngestSettings.DEFAULT_MAX_BODY_BYTES);
        int decompressed = or(http.maxDecompressedBytes(), HttpIngestSettings.DEFAULT_MAX_DECOMPRESSED_BYTES);
        int line = or(http.maxLineBytes(), HttpIngestSettings.DEFAULT_MAX_LINE_BYTES);
        Duration wait = http.backpressureWait() == null ? HttpIngestSettings.DEFAULT_BACKPRESSURE_WAIT
            : Durations.parse(http.backpressureWait());
        int retryAfter = or(http.retryAfterSeconds(), HttpIngestSettings.DEFAULT_RETRY_AFTER_SECONDS);
        return http.maxInflightBodyBytes() == null ? new HttpIngestSettings(body, decompressed, line, wait, retryAfter)
            : new HttpIngestSettings(body, decompressed, line, wait, retryAfter, http.maxInflightBodyBytes());
    }

    private static SyslogTcpSettings tcp(ConfigFile.Tcp tcp, String bind) {
        return new SyslogTcpSettings(bind,
            or(tcp.port(), SyslogTcpSettings.DEFAULT_PORT),
            or(tcp.maxFrameLength(), SyslogTcpSettings.DEFAULT_MAX_FRAME_LENGTH),
            or(tcp.receiveBufferBytes(), SyslogTcpSettings.DEFAULT_RECEIVE_BUFFER_BYTES),
            or(tcp.eventLoops(), SyslogTcpSettings.DEFAULT_EVENT_LOOPS),
            or(tcp.claimBatch(), SyslogTcpSettings.DEFAULT_CLAIM_BATCH));
    }

    private static SyslogUdpSettings udp(ConfigFile.Udp udp, String bind) {
        return new SyslogUdpSettings(bind,
            or(udp.port(), SyslogUdpSettings.DEFAULT_PORT),
            or(udp.receiveBufferBytes(), SyslogUdpSettings.DEFAULT_RECEIVE_BUFFER_BYTES),
            or(udp.maxDatagramBytes(), SyslogUdpSettings.DEFAULT_MAX_DATAGRAM_BYTES));
    }

    /** Relative certificate paths are read from the config file's directory, where the user put them. */
    private static SyslogTlsSettings tls(ConfigFile.Tls tls, String bind, Path configDir) {
        SyslogTlsSettings defaults = SyslogTlsSettings.defaults();
        return new SyslogTlsSettings(bind,
            or(tls.port(), SyslogTlsSettings.DEFAULT_PORT),
            existingFile(tls.cert(), "syslog.tls.cert", configDir),
            existingFile(tls.key(), "syslog.tls.key", configDir),
            existingFile(tls.clientCa(), "syslog.tls.client-ca", configDir),
            tls.reloadInterval() == null ? SyslogTlsSettings.DEFAULT_RELOAD_INTERVAL
                : Durations.parse(tls.reloadInterval()),
            tls.engine() == null ? SyslogTlsSettings.DEFAULT_ENGINE
                : TlsEngine.valueOf(tls.engine().trim().toUpperCase(Locale.ROOT)),
            or(tls.maxFrameLength(), SyslogTlsSettings.DEFAULT_MAX_FRAME_LENGTH),
            defaults.receiveBufferBytes(), defaults.claimBatch());
    }

    private static AnalyzerSettings analyzers(ConfigFile.Analyzers analyzers) {
        if (analyzers == null) {
            return AnalyzerSettings.defaults();
        }
        LatencySettings d = LatencySettings.defaults();
        ConfigFile.Latency l = or(analyzers.latency(), new ConfigFile.Latency(null, null, null, null, null, null));
        LatencySettings latency = new LatencySettings(
            l.jsonFields() == null ? d.jsonFields() : fields(l.jsonFields(), "analyzers.latency.json-fields"),
            l.structuredDataParams() == null ? d.structuredDataParams()
                : fields(l.structuredDataParams(), "analyzers.latency.structured-data-params"),
            l.messageKeys() == null ? d.messageKeys() : fields(l.messageKeys(), "analyzers.latency.message-keys"),
            or(l.accessLogRequestTime(), d.accessLogRequestTime()),
            or(l.maxServices(), d.maxServices()),
            or(l.significantDigits(), d.significantDigits()),
            d.highestMicros());
        return new AnalyzerSettings(or(analyzers.maxKeys(), AnalyzerSettings.DEFAULT_MAX_KEYS_PER_DIMENSION),
            ErrorSettings.defaults(), latency);
    }

    /** {@code duration_ms}, {@code elapsed:s}, {@code took:ms}: a field name and the unit of its bare numbers. */
    private static List<LatencyField> fields(List<String> specs, String key) {
        List<LatencyField> fields = new java.util.ArrayList<>();
        for (String spec : specs) {
            int colon = spec.lastIndexOf(':');
            String name = (colon < 0 ? spec : spec.substring(0, colon)).trim();
            String unit = colon < 0 ? "ms" : spec.substring(colon + 1).trim();
            DurationUnit parsed = switch (unit) {
                case "ns" -> DurationUnit.NANOSECONDS;
                case "us" -> DurationUnit.MICROSECONDS;
                case "ms" -> DurationUnit.MILLISECONDS;
                case "s" -> DurationUnit.SECONDS;
                default -> throw new IllegalArgumentException(key + ": unit '" + unit + "' of '" + spec
                    + "' is not one of ns, us, ms, s");
            };
            fields.add(new LatencyField(name, parsed));
        }
        return fields;
    }

    private static PipelineSettings ring(ConfigFile.Ring ring) {
        return new PipelineSettings(
            or(ring.size(), PipelineSettings.DEFAULT_RING_SIZE),
            or(ring.slotBytes(), PipelineSettings.DEFAULT_SLOT_BYTES),
            ring.waitStrategy() == null ? PipelineSettings.DEFAULT_WAIT_STRATEGY
                : WaitStrategyKind.parse(ring.waitStrategy()));
    }

    static Path existingFile(String path, String key, Path baseDir) {
        if (path == null) {
            return null;
        }
        Path file = baseDir == null ? Path.of(path) : baseDir.resolve(path);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(key + ": cannot read " + file.toAbsolutePath());
        }
        return file;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
