package io.sluice.server.cli;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.ConfigLoader;
import io.sluice.server.config.SluiceConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code sluice run}: starts the server and runs until SIGTERM or SIGINT, then stops gracefully (stop accepting,
 * drain the ring, flush the journal) and exits 0. Flags override the config file, which overrides the defaults.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Start Sluice and ingest until stopped.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", description = "YAML config file (flags given here override it)")
    Path configFile;

    @Option(names = "--data-dir", description = "Journal directory (default: ./data)")
    Path dataDir;

    @Option(names = "--bind", description = "Address to bind listeners to (default: 0.0.0.0)")
    String bind;

    @Option(names = "--syslog-tcp-port", description = "Syslog TCP port, 0 = any free port (default: 5514)")
    Integer syslogTcpPort;

    @Option(names = "--syslog-udp-port", description = "Syslog UDP port, 0 = any free port (default: 5514)")
    Integer syslogUdpPort;

    @Option(names = "--syslog-tls-port", description = "Syslog TLS port, 0 = any free port (default: 6514)")
    Integer syslogTlsPort;

    @Option(names = "--tls-cert", description = "PEM certificate (chain) for syslog TLS; TLS stays closed without it")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PEM private key for --tls-cert")
    Path tlsKey;

    @Option(names = "--tls-client-ca", description = "PEM CA bundle: require client certificates signed by it (mTLS)")
    Path tlsClientCa;

    @Option(names = "--http-port", description = "HTTP API port, 0 = any free port (default: 8080)")
    Integer httpPort;

    @Option(names = "--ring-size", description = "Ring slots, a power of two (default: 4096)")
    Integer ringSize;

    @Override
    public Integer call() throws InterruptedException {
        SluiceConfig config = resolveConfig();
        System.out.println("sluice " + Version.text() + " starting: data dir " + config.dataDir().toAbsolutePath()
            + ", config " + config.source());
        SluiceServer server = SluiceServer.start(config, configFile);
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            System.out.println("stopping: draining ring and flushing journal");
            server.stop();
            stopped.countDown();
        };
        // Handle the signals ourselves (not only a shutdown hook) so that a clean stop exits 0, not 143.
        Signal.handle(new Signal("TERM"), signal -> new Thread(stop, "sluice-stop").start());
        Signal.handle(new Signal("INT"), signal -> new Thread(stop, "sluice-stop").start());
        Signal.handle(new Signal("HUP"), signal -> server.reload()
            .onSuccess(message -> System.out.println("SIGHUP: " + message))
            .onFailure(error -> System.out.println("SIGHUP: reload failed, keeping what runs: " + error.getMessage())));
        System.out.println(server.listeningLine());
        System.out.flush();
        stopped.await();
        System.out.println("stopped");
        return 0;
    }

    SluiceConfig resolveConfig() {
        SluiceConfig config = configFile == null ? SluiceConfig.defaults() : ConfigLoader.load(configFile);
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        if (bind != null) {
            config = config.withBind(bind);
        }
        if (syslogTcpPort != null) {
            config = config.withSyslogTcpPort(syslogTcpPort);
        }
        if (httpPort != null) {
            config = config.withHttpPort(httpPort);
        }
        if (syslogUdpPort != null) {
            config = config.withSyslogUdpPort(syslogUdpPort);
        }
        if (syslogTlsPort != null) {
            config = config.withSyslogTlsPort(syslogTlsPort);
        }
        if (tlsCert != null || tlsKey != null) {
            config = config.withSyslogTls(config.syslogTls().withCertificate(tlsCert, tlsKey));
        }
        if (tlsClientCa != null) {
            config = config.withSyslogTls(config.syslogTls().withClientCa(tlsClientCa));
        }
        if (ringSize != null) {
            config = config.withRingSize(ringSize);
        }
        return config;
    }
}
