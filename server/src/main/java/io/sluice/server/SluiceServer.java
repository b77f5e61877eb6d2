package io.sluice.server;

import com.lmax.disruptor.EventHandler;
import io.sluice.alerts.AlertEngine;
import io.sluice.alerts.AlertFunctions;
import io.sluice.alerts.AlertsConfig;
import io.sluice.alerts.AlertsYaml;
import io.sluice.analyzers.StreamAnalyzers;
import io.sluice.analyzers.scan.LineFacts;
import io.sluice.analyzers.security.detect.DetectorSettings;
import io.sluice.analyzers.security.detect.SecurityAnalyzer;
import io.sluice.analyzers.security.recognize.LogSecurityRecognizer;
import io.sluice.analyzers.counts.EventCounter;
import io.sluice.core.EpochClock;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.core.pipeline.FusedHandler;
import io.sluice.ingest.SourceMetrics;
import io.sluice.ingest.tcp.SyslogTcpSettings;
import io.sluice.ingest.tcp.SyslogTcpSource;
import io.sluice.ingest.tls.SyslogTlsSettings;
import io.sluice.ingest.tls.SyslogTlsSource;
import io.sluice.ingest.udp.SyslogUdpSource;
import io.sluice.server.alerts.AlertNotifications;
import io.sluice.server.alerts.NotifierSettings;
import io.sluice.server.config.AnalyzerStages;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.security.AnomalyAlertFunction;
import io.sluice.server.security.AnomalyRoutes;
import io.sluice.server.security.AnomalyStore;
import io.sluice.server.http.BearerTokenAuth;
import io.sluice.server.http.HttpApi;
import io.sluice.storage.Journal;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that wires Sluice together, in data-flow order:
 *
 * <pre>
 *   syslog TCP / UDP / TLS  --+
 *   HTTP NDJSON, OTLP, _bulk --+--> ring --+--> journal handler (Chronicle: data/journal, data/dead-letter)
 *                                          +--> event counter, error rate, latency, throughput (analyzers)
 *                                          +--> security: recognizer + detectors --> anomaly store (feed, SSE)
 *   HTTP: /health /metrics /api/stats and the ingest routes (answered once the journal has the events)
 * </pre>
 *
 * {@link #start} binds everything and returns once every listener accepts; {@link #stop} stops accepting, lets
 * connections finish, drains the ring and flushes the journal.
 */
public final class SluiceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SluiceServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** Name of the journal's ring stage; its progress is the durability point HTTP acknowledgements wait for. */
    static final String JOURNAL_STAGE = "journal";

    private final SluiceConfig config;
    /** Where alert rules are re-read from on reload; null when running on defaults. */
    private final Path configFile;
    private final Journal journal;
    private final EventPipeline pipeline;
    private final SluiceMetrics metrics = new SluiceMetrics();
    private final SourceMetrics tcpMetrics = new SourceMetrics(Transport.TCP);
    private final SourceMetrics httpMetrics = new SourceMetrics(Transport.HTTP);
    private final SourceMetrics udpMetrics = new SourceMetrics(Transport.UDP);
    private final SourceMetrics tlsMetrics = new SourceMetrics(Transport.TLS);
    private SyslogTlsSource tlsSource;
    private final StreamAnalyzers analyzers;
    private final AlertEngine alerts;
    private final AlertNotifications notifications;
    private final AnomalyStore anomalies;
    private final SecurityAnalyzer security;
    /** The built-in alert functions plus {@code anomaly(...)} over the live anomaly store. */
    private final AlertFunctions alertFunctions;
    private final AnomalyRoutes anomalyRoutes;
    /** How the stages behind the ring share threads (fewer on small machines). */
    private final AnalyzerStages layout;
    private final EpochClock clock = new EpochClock();
    private final Vertx vertx;
    private final List<String> deployments = new ArrayList<>();
    private final Map<String, String> listening = new LinkedHashMap<>();
    private HttpServer http;
    private volatile boolean accepting;
    private boolean stopped;

    private SluiceServer(SluiceConfig config, Path configFile) {
        this.config = config;
        this.configFile = configFile;
        this.journal = Journal.open(config.dataDir(), config.journal());
        EventCounter counter = new EventCounter(config.maxApps());
        this.layout = config.analyzerStages().resolve(Runtime.getRuntime().availableProcessors());
        boolean fused = layout != AnalyzerStages.SEPARATE;
        // fused: everything on the analysis thread reads each line's facts once (one LineFacts for that thread only)
        LineFacts analysisThreadFacts = new LineFacts();
        this.analyzers = fused ? StreamAnalyzers.fused(config.analyzers(), analysisThreadFacts)
            : new StreamAnalyzers(config.analyzers());
        this.anomalies = AnomalyStore.open(config.dataDir());
        this.security = new SecurityAnalyzer(DetectorSettings.defaults(),
            fused ? new LogSecurityRecognizer(analysisThreadFacts) : new LogSecurityRecognizer(), anomalies,
            anomalies.nextId(), clock::epochNanos);
        EventPipeline.Builder stages = EventPipeline.builder(config.pipeline())
            .sequenceBase(journal.lastSequence() + 1);
        EventHandler<LogEvent> journalHandler = journal.newHandler(analyzers.journalLatency());
        List<EventHandler<LogEvent>> analysis = List.of(counter, analyzers.errors(), analyzers.latency(),
            analyzers.throughput(), security);
        switch (layout) {
            // The journal first: the stage's progress is what HTTP acknowledgements wait on, so it must not pass an
            // event before the journal has it (the fused handler forwards each event in order, journal first).
            case SINGLE -> stages.stage(JOURNAL_STAGE, new FusedHandler(concat(journalHandler, analysis)));
            case FUSED -> stages.stage(JOURNAL_STAGE, journalHandler).stage("analysis", new FusedHandler(analysis));
            default -> analyzers.addStagesTo(stages.stage(JOURNAL_STAGE, journalHandler).stage("counter", counter))
                .stage(SecurityAnalyzer.STAGE, security);
        }
        this.pipeline = stages.start();
        this.alertFunctions = AnomalyAlertFunction.withAnomalies(anomalies);
        this.anomalyRoutes = new AnomalyRoutes(anomalies, config.dataDir());
        this.notifications = AlertNotifications.open(config.dataDir(), NotifierSettings.defaults()
            .withAlertmanager(config.alerts().alertmanager())
            .withWebhooks(config.alerts().webhooks()));
        AlertLogListener log = new AlertLogListener();
        this.alerts = new AlertEngine(analyzers, config.alerts().rules(), (alert, transition) -> {
            log.onAlert(alert, transition);
            notifications.onAlert(alert, transition); // only appends to the outbox: never blocks the engine
        }, config.alerts().engine(), alertFunctions, Clock.systemUTC());
        int loops = config.syslogTcp().eventLoops() + 1; // + one for HTTP
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
        metrics.bindJvm();
        HttpIngestRoutes ingest = new HttpIngestRoutes(vertx, config.httpIngest(), pipeline, httpMetrics, clock);
        BearerTokenAuth auth = new BearerTokenAuth(config.authTokens());
        metrics.bindAuth(auth);
        metrics.bindSource(tcpMetrics, journal.metrics());
        metrics.bindSource(httpMetrics, journal.metrics());
        metrics.bindSource(udpMetrics, journal.metrics());
        metrics.bindSource(tlsMetrics, journal.metrics());
        metrics.bindHttpIngest(ingest.metrics(), ingest.acks());
        metrics.bindBodyBudget(ingest.bodyBudget());
        metrics.bindJournal(journal);
        metrics.bindPipeline(pipeline);
        StreamStatsGauges streamGauges = metrics.bindAnalyzers(analyzers, alerts);
        notifications.metrics().bindTo(metrics.registry());
        anomalies.metrics().bindTo(metrics.registry());
        metrics.bindSecurity(security.metrics());
        this.httpApi = new HttpApi(metrics.registry(), counter, List.of(tcpMetrics, udpMetrics, tlsMetrics, httpMetrics),
            journal.metrics(),
            pipeline, () -> accepting, ingest.routes(), auth, analyzers, alerts, this::reloadRules)
            .beforeScrape(streamGauges::refresh)
            .mount(anomalyRoutes::mount);
    }

    private final HttpApi httpApi;

    private static List<EventHandler<LogEvent>> concat(EventHandler<LogEvent> first,
                                                       List<EventHandler<LogEvent>> rest) {
        List<EventHandler<LogEvent>> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** Opens the journal, starts the ring and binds every listener. Throws if any of them fails. */
    public static SluiceServer start(SluiceConfig config) {
        return start(config, null);
    }

    /** As {@link #start(SluiceConfig)}, remembering the config file that {@link #reloadRules} reads again. */
    public static SluiceServer start(SluiceConfig config, Path configFile) {
        SluiceServer server = new SluiceServer(config, configFile);
        try {
            server.bind();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void bind() {
        int tcpPort = deploySyslogTcp();
        listening.put("syslog-tcp", config.syslogTcp().host() + ":" + tcpPort);
        SyslogUdpSource udp = new SyslogUdpSource(config.syslogUdp(), pipeline.ring(), udpMetrics, clock);
        deployments.add(await(vertx.deployVerticle(udp, new DeploymentOptions())));
        listening.put("syslog-udp", config.syslogUdp().host() + ":" + udp.actualPort());
        deploySyslogTls();
        http = await(vertx.createHttpServer(new HttpServerOptions().setHost(config.bind()).setPort(config.httpPort()))
            .requestHandler(httpApi.router(vertx))
            .listen());
        listening.put("http", config.bind() + ":" + http.actualPort());
        alerts.start();
        accepting = true;
        LOG.info("ring stages: {}", switch (layout) {
            case SINGLE -> "journal, counter, errors, latency, throughput, security on one thread";
            case FUSED -> "journal + analysis (counter, errors, latency, throughput, security on one thread)";
            default -> "journal + counter, errors, latency, throughput, security (a thread each)";
        });
        LOG.info("alerts: {} rule(s), alertmanager {}, {} webhook(s)", alerts.rules().size(),
            config.alerts().alertmanager() == null ? "none" : config.alerts().alertmanager(),
            config.alerts().webhooks().size());
        LOG.info("journal at {} (next sequence {}, fsync {}, pretouch {}, drop-behind {}, batches <= {} events / {} "
                + "bytes), ring {} slots, native transport {}, http auth {}",
            config.dataDir().toAbsolutePath(), pipeline.ring().sequenceBase(), onOff(config.journalFsync()),
            journal.pretouchMode(), onOff(journal.dropsBehind()), config.journal().maxBatchEvents(),
            config.journal().maxBatchBytes(), pipeline.bufferSize(), vertx.isNativeTransportEnabled(),
            config.authTokens().isEmpty() ? "off" : config.authTokens().size() + " token(s)");
    }

    /** One listener per event loop, all on the port the first one bound (so port 0 works with several loops). */
    private int deploySyslogTcp() {
        SyslogTcpSettings settings = config.syslogTcp();
        int port = -1;
        for (int i = 0; i < settings.eventLoops(); i++) {
            SyslogTcpSettings bound = i == 0 ? settings : settings.withEndpoint(settings.host(), port);
            SyslogTcpSource source = new SyslogTcpSource(bound, pipeline.ring(), tcpMetrics, clock,
                SyslogTcpSource.DEFAULT_SHUTDOWN_GRACE);
            deployments.add(await(vertx.deployVerticle(source, new DeploymentOptions())));
            if (i == 0) {
                port = source.actualPort();
            }
        }
        return port;
    }

    /** TLS only with a certificate: without one the port stays closed and the log says why. */
    private void deploySyslogTls() {
        SyslogTlsSettings settings = config.syslogTls();
        if (!settings.isConfigured()) {
            LOG.info("syslog-tls not opened: no certificate configured (syslog.tls.cert and syslog.tls.key, "
                + "or --tls-cert/--tls-key)");
            return;
        }
        tlsSource = new SyslogTlsSource(settings, pipeline.ring(), tlsMetrics, clock,
            SyslogTlsSource.DEFAULT_SHUTDOWN_GRACE);
        deployments.add(await(vertx.deployVerticle(tlsSource, new DeploymentOptions())));
        listening.put("syslog-tls", settings.host() + ":" + tlsSource.actualPort());
        LOG.info("syslog-tls with {} engine, certificate {}, client certificates {}", tlsSource.engineName(),
            settings.certPath(), settings.requiresClientCertificate() ? "required (CA " + settings.clientCaPath()
                + ")" : "not required");
    }

    /**
     * Re-reads what can change without a restart (SIGHUP): alert rules from the config file, and the TLS
     * certificates. Completes with a line for the log; a bad rule file keeps the rules that run.
     */
    public Future<String> reload() {
        String rules;
        try {
            rules = reloadRules();
        } catch (IllegalArgumentException e) {
            rules = "alert rules NOT reloaded, keeping the old ones: " + e.getMessage();
        }
        String ruleMessage = rules;
        if (tlsSource == null) {
            return Future.succeededFuture(ruleMessage + "; syslog-tls not open");
        }
        return tlsSource.reload().map(changed -> ruleMessage + "; syslog-tls certificates "
            + (changed ? "reloaded" : "unchanged"));
    }

    /**
     * Reads the alert rules again from the config file (the shipped defaults without one), validates them and swaps
     * them in. Throws IllegalArgumentException with the reason when they are invalid; the running rules stay.
     */
    public synchronized String reloadRules() {
        AlertsConfig fresh = configFile == null ? AlertsConfig.defaults()
            : AlertsYaml.readConfig(configFile, alertFunctions);
        alerts.replaceRules(fresh.rules());
        return "alert rules reloaded: " + fresh.rules().size() + " rule(s)";
    }

    /** {@code name=host:port} of every listener, in the order they were bound. */
    public Map<String, String> listening() {
        return Map.copyOf(listening);
    }

    /** The line {@code sluice run} prints once everything accepts. */
    public String listeningLine() {
        StringBuilder line = new StringBuilder("listening");
        listening.forEach((name, address) -> line.append(' ').append(name).append('=').append(address));
        return line.toString();
    }

    public int port(String listener) {
        String address = listening.get(listener);
        return address == null ? -1 : Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    public SluiceConfig config() {
        return config;
    }

    /**
     * Graceful stop: sources stop accepting and finish reading their connections, HTTP requests in flight get their
     * answers, the ring drains, the journal flushes and closes. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        accepting = false;
        for (String id : deployments) {
            try {
                await(vertx.undeploy(id));
            } catch (RuntimeException e) {
                LOG.warn("stopping a source failed: {}", e.toString());
            }
        }
        if (http != null) {
            try {
                // in-flight ingest requests finish (their acks need the ring still running), new ones are refused
                await(http.shutdown(SyslogTcpSource.DEFAULT_SHUTDOWN_GRACE));
            } catch (RuntimeException e) {
                LOG.warn("stopping the HTTP server failed: {}", e.toString());
            }
        }
        anomalyRoutes.close(); // the HTTP server is down: release the journal reader used for evidence
        alerts.stop();
        notifications.close(); // what is not delivered stays in the outbox for the next start
        boolean drained = pipeline.drainAndStop(DRAIN_TIMEOUT);
        anomalies.close(); // after the drain: the security stage's last anomalies are in
        journal.close();
        await(vertx.close());
        metrics.close();
        LOG.info("stopped: ring {}, last stored sequence {}", drained ? "drained" : "NOT fully drained",
            journal.metrics().lastAppendedSequence());
    }

    @Override
    public void close() {
        stop();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
