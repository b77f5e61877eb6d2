package io.sluice.server.config;

import io.sluice.core.pipeline.PipelineSettings;
import io.sluice.core.pipeline.WaitStrategyKind;
import io.sluice.ingest.http.HttpIngestSettings;
import io.sluice.ingest.tcp.SyslogTcpSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code sluice run} needs, after the config file and the command-line flags were merged. What the user
 * writes in YAML is {@link ConfigFile}; this is what the server runs with, every value present and checked.
 *
 * @param dataDir   where the journal and dead-letter queues live
 * @param bind      address every listener binds to unless it names its own
 * @param httpPort  HTTP API port (0 = pick a free one)
 * @param httpIngest HTTP ingest limits and backpressure
 * @param authTokens bearer tokens accepted on every route but /health; empty = no auth
 * @param journalFsync force every closed journal excerpt to disk before acknowledging it
 * @param syslogTcp syslog TCP listener
 * @param pipeline  ring size, slot bytes, wait strategy
 * @param maxApps   distinct app-names the counters track before counting the rest as "other"
 * @param source    where the values came from, for the startup log ("defaults" or the config file's path)
 */
public record SluiceConfig(Path dataDir, String bind, int httpPort, HttpIngestSettings httpIngest,
                           List<String> authTokens, boolean journalFsync, SyslogTcpSettings syslogTcp,
                           PipelineSettings pipeline, int maxApps, String source) {
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_MAX_APPS = 10_000;

    public SluiceConfig {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("http port must be 0..65535, got " + httpPort);
        }
        authTokens = List.copyOf(authTokens);
        for (String token : authTokens) {
            if (token == null || token.isBlank() || token.length() < 16) {
                throw new IllegalArgumentException("auth tokens must be at least 16 characters");
            }
        }
        if (maxApps < 1) {
            throw new IllegalArgumentException("max apps must be positive, got " + maxApps);
        }
    }

    public static SluiceConfig defaults() {
        return new SluiceConfig(DEFAULT_DATA_DIR, DEFAULT_BIND, DEFAULT_HTTP_PORT, HttpIngestSettings.defaults(),
            List.of(), false, SyslogTcpSettings.defaults(), PipelineSettings.defaults(), DEFAULT_MAX_APPS, "defaults");
    }

    /** Builds the running config from a parsed file: every absent value takes its default. */
    static SluiceConfig from(ConfigFile file, String source) {
        ConfigFile.Syslog syslog = file.syslog() == null ? new ConfigFile.Syslog(null) : file.syslog();
        ConfigFile.Tcp tcp = syslog.tcp() == null ? new ConfigFile.Tcp(null, null, null, null, null) : syslog.tcp();
        ConfigFile.Ring ring = file.ring() == null ? new ConfigFile.Ring(null, null, null) : file.ring();
        String bind = or(file.bind(), DEFAULT_BIND);
        SyslogTcpSettings tcpSettings = new SyslogTcpSettings(bind,
            or(tcp.port(), SyslogTcpSettings.DEFAULT_PORT),
            or(tcp.maxFrameLength(), SyslogTcpSettings.DEFAULT_MAX_FRAME_LENGTH),
            or(tcp.receiveBufferBytes(), SyslogTcpSettings.DEFAULT_RECEIVE_BUFFER_BYTES),
            or(tcp.eventLoops(), SyslogTcpSettings.DEFAULT_EVENT_LOOPS),
            or(tcp.claimBatch(), SyslogTcpSettings.DEFAULT_CLAIM_BATCH));
        PipelineSettings pipeline = new PipelineSettings(
            or(ring.size(), PipelineSettings.DEFAULT_RING_SIZE),
            or(ring.slotBytes(), PipelineSettings.DEFAULT_SLOT_BYTES),
            ring.waitStrategy() == null ? PipelineSettings.DEFAULT_WAIT_STRATEGY
                : WaitStrategyKind.parse(ring.waitStrategy()));
        ConfigFile.Http http = file.http() == null ? new ConfigFile.Http(null, null, null, null, null, null)
            : file.http();
        int httpPort = or(http.port(), DEFAULT_HTTP_PORT);
        HttpIngestSettings ingest = new HttpIngestSettings(
            or(http.maxBodyBytes(), HttpIngestSettings.DEFAULT_MAX_BODY_BYTES),
            or(http.maxDecompressedBytes(), HttpIngestSettings.DEFAULT_MAX_DECOMPRESSED_BYTES),
            or(http.maxLineBytes(), HttpIngestSettings.DEFAULT_MAX_LINE_BYTES),
            http.backpressureWait() == null ? HttpIngestSettings.DEFAULT_BACKPRESSURE_WAIT
                : Durations.parse(http.backpressureWait()),
            or(http.retryAfterSeconds(), HttpIngestSettings.DEFAULT_RETRY_AFTER_SECONDS));
        List<String> tokens = file.auth() == null || file.auth().tokens() == null ? List.of() : file.auth().tokens();
        boolean fsync = file.journal() != null && Boolean.TRUE.equals(file.journal().fsync());
        int maxApps = file.counters() == null ? DEFAULT_MAX_APPS : or(file.counters().maxApps(), DEFAULT_MAX_APPS);
        Path dataDir = file.dataDir() == null ? DEFAULT_DATA_DIR : Path.of(file.dataDir());
        return new SluiceConfig(dataDir, bind, httpPort, ingest, tokens, fsync, tcpSettings, pipeline, maxApps, source);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    public SluiceConfig withDataDir(Path dir) {
        return new SluiceConfig(dir, bind, httpPort, httpIngest, authTokens, journalFsync, syslogTcp, pipeline, maxApps,
            source);
    }

    /** A new bind address moves every listener that uses the shared bind address. */
    public SluiceConfig withBind(String address) {
        return new SluiceConfig(dataDir, address, httpPort, httpIngest, authTokens, journalFsync,
            syslogTcp.withEndpoint(address, syslogTcp.port()), pipeline, maxApps, source);
    }

    public SluiceConfig withHttpPort(int port) {
        return new SluiceConfig(dataDir, bind, port, httpIngest, authTokens, journalFsync, syslogTcp, pipeline,
            maxApps, source);
    }

    public SluiceConfig withSyslogTcpPort(int port) {
        return new SluiceConfig(dataDir, bind, httpPort, httpIngest, authTokens, journalFsync,
            syslogTcp.withEndpoint(syslogTcp.host(), port), pipeline, maxApps, source);
    }

    public SluiceConfig withRingSize(int size) {
        return new SluiceConfig(dataDir, bind, httpPort, httpIngest, authTokens, journalFsync, syslogTcp,
            pipeline.withRingSize(size), maxApps, source);
    }

    public SluiceConfig withAuthTokens(List<String> tokens) {
        return new SluiceConfig(dataDir, bind, httpPort, httpIngest, tokens, journalFsync, syslogTcp, pipeline,
            maxApps, source);
    }

    public SluiceConfig withHttpIngest(HttpIngestSettings settings) {
        return new SluiceConfig(dataDir, bind, httpPort, settings, authTokens, journalFsync, syslogTcp, pipeline,
            maxApps, source);
    }

    public SluiceConfig withJournalFsync(boolean fsync) {
        return new SluiceConfig(dataDir, bind, httpPort, httpIngest, authTokens, fsync, syslogTcp, pipeline,
            maxApps, source);
    }
}
