package io.sluice.server.config;

import io.sluice.alerts.AlertsConfig;
import io.sluice.analyzers.AnalyzerSettings;
import io.sluice.core.pipeline.PipelineSettings;
import io.sluice.ingest.http.HttpIngestSettings;
import io.sluice.ingest.tcp.SyslogTcpSettings;
import io.sluice.ingest.tls.SyslogTlsSettings;
import io.sluice.ingest.udp.SyslogUdpSettings;
import io.sluice.storage.JournalSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything {@code sluice run} needs, after the config file and the command-line flags were merged. What the user
 * writes in YAML is {@link ConfigFile}; this is what the server runs with, every value present and checked.
 *
 * @param dataDir      where the journal and dead-letter queues live
 * @param bind         address every listener binds to unless it names its own
 * @param httpPort     HTTP API port (0 = pick a free one)
 * @param httpIngest   HTTP ingest limits and backpressure
 * @param authTokens   bearer tokens accepted on every route but /health; empty = no auth
 * @param journal      journal layout and durability: fsync of each closed excerpt, pretouch, batch caps
 * @param syslogTcp    syslog TCP listener
 * @param syslogUdp    syslog UDP listener
 * @param syslogTls    syslog TLS listener; not opened unless a certificate is configured
 * @param pipeline     ring size, slot bytes, wait strategy
 * @param maxApps      distinct app-names the counters track before counting the rest as "other"
 * @param analyzers    error-rate / latency / throughput analyzers: key cap, error and latency field settings
 * @param analyzerStages one ring thread per analysis stage, or fused into one
 * @param alerts       alert rules, notifier endpoints, evaluation and re-send intervals
 * @param source       where the values came from, for the startup log ("defaults" or the config file's path)
 */
public record SluiceConfig(Path dataDir, String bind, int httpPort, HttpIngestSettings httpIngest,
                           List<String> authTokens, JournalSettings journal, SyslogTcpSettings syslogTcp,
                           SyslogUdpSettings syslogUdp, SyslogTlsSettings syslogTls, PipelineSettings pipeline,
                           int maxApps, AnalyzerSettings analyzers, AnalyzerStages analyzerStages, AlertsConfig alerts,
                           String source) {
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_MAX_APPS = 10_000;
    /** Short tokens can be guessed; a random 16-character token is the least we accept. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public SluiceConfig {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("http port must be 0..65535, got " + httpPort);
        }
        authTokens = List.copyOf(authTokens);
        for (String token : authTokens) {
            if (token.isBlank() || token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("auth tokens must be at least " + MIN_TOKEN_LENGTH + " characters");
            }
        }
        if (maxApps < 1) {
            throw new IllegalArgumentException("max apps must be positive, got " + maxApps);
        }
    }

    public static SluiceConfig defaults() {
        return new SluiceConfig(DEFAULT_DATA_DIR, DEFAULT_BIND, DEFAULT_HTTP_PORT, HttpIngestSettings.defaults(),
            List.of(), JournalSettings.defaults(), SyslogTcpSettings.defaults(), SyslogUdpSettings.defaults(), SyslogTlsSettings.defaults(),
            PipelineSettings.defaults(), DEFAULT_MAX_APPS, AnalyzerSettings.defaults(), AnalyzerStages.AUTO,
            AlertsConfig.defaults(), "defaults");
    }

    /** A copy with the changes {@code edit} makes; the result is validated like any config. */
    public SluiceConfig with(Consumer<Builder> edit) {
        Builder b = new Builder(this);
        edit.accept(b);
        return b.build();
    }

    public SluiceConfig withDataDir(Path dir) {
        return with(b -> b.dataDir = dir);
    }

    /** A new bind address moves every listener that uses the shared bind address. */
    public SluiceConfig withBind(String address) {
        return with(b -> {
            b.bind = address;
            b.syslogTcp = b.syslogTcp.withEndpoint(address, b.syslogTcp.port());
            b.syslogUdp = b.syslogUdp.withEndpoint(address, b.syslogUdp.port());
            b.syslogTls = b.syslogTls.withEndpoint(address, b.syslogTls.port());
        });
    }

    public SluiceConfig withHttpPort(int port) {
        return with(b -> b.httpPort = port);
    }

    public SluiceConfig withSyslogTcpPort(int port) {
        return with(b -> b.syslogTcp = b.syslogTcp.withEndpoint(b.syslogTcp.host(), port));
    }

    public SluiceConfig withSyslogUdpPort(int port) {
        return with(b -> b.syslogUdp = b.syslogUdp.withEndpoint(b.syslogUdp.host(), port));
    }

    public SluiceConfig withSyslogTlsPort(int port) {
        return with(b -> b.syslogTls = b.syslogTls.withEndpoint(b.syslogTls.host(), port));
    }

    public SluiceConfig withSyslogTls(SyslogTlsSettings settings) {
        return with(b -> b.syslogTls = settings);
    }

    public SluiceConfig withRingSize(int size) {
        return with(b -> b.pipeline = b.pipeline.withRingSize(size));
    }

    public SluiceConfig withAuthTokens(List<String> tokens) {
        return with(b -> b.authTokens = tokens);
    }

    public SluiceConfig withHttpIngest(HttpIngestSettings settings) {
        return with(b -> b.httpIngest = settings);
    }

    public SluiceConfig withAnalyzerStages(AnalyzerStages stages) {
        return with(b -> b.analyzerStages = stages);
    }

    public SluiceConfig withAlerts(AlertsConfig config) {
        return with(b -> b.alerts = config);
    }

    public SluiceConfig withJournalFsync(boolean fsync) {
        return with(b -> b.journal = b.journal.withFsync(fsync));
    }

    /** Force every closed journal excerpt to disk before acknowledging it. */
    public boolean journalFsync() {
        return journal.fsync();
    }

    /** Mutable twin of the record, used by {@link #with} and the loader. */
    public static final class Builder {
        public Path dataDir;
        public String bind;
        public int httpPort;
        public HttpIngestSettings httpIngest;
        public List<String> authTokens;
        public JournalSettings journal;
        public SyslogTcpSettings syslogTcp;
        public SyslogUdpSettings syslogUdp;
        public SyslogTlsSettings syslogTls;
        public PipelineSettings pipeline;
        public int maxApps;
        public AnalyzerSettings analyzers;
        public AnalyzerStages analyzerStages;
        public AlertsConfig alerts;
        public String source;

        Builder(SluiceConfig c) {
            dataDir = c.dataDir;
            bind = c.bind;
            httpPort = c.httpPort;
            httpIngest = c.httpIngest;
            authTokens = c.authTokens;
            journal = c.journal;
            syslogTcp = c.syslogTcp;
            syslogUdp = c.syslogUdp;
            syslogTls = c.syslogTls;
            pipeline = c.pipeline;
            maxApps = c.maxApps;
            analyzers = c.analyzers;
            analyzerStages = c.analyzerStages;
            alerts = c.alerts;
            source = c.source;
        }

        SluiceConfig build() {
            return new SluiceConfig(dataDir, bind, httpPort, httpIngest, authTokens, journal, syslogTcp,
                syslogUdp, syslogTls, pipeline, maxApps, analyzers, analyzerStages, alerts, source);
        }
    }
}
