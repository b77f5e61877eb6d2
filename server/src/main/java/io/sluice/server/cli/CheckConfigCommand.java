package io.sluice.server.cli;

import io.sluice.server.config.ConfigLoader;
import io.sluice.server.config.SluiceConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice check-config FILE}: validates a config file without starting anything. Exit 0 and a summary when it
 * is usable; exit 2 and one line naming the file, line and key when it is not.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = "Validate a config file: unknown keys, bad values, missing files.")
public final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "YAML config file")
    Path file;

    @Override
    public Integer call() {
        SluiceConfig config = ConfigLoader.load(file); // throws ConfigException with file:line: reason
        System.out.println(file + ": OK");
        System.out.println("  data dir      " + config.dataDir().toAbsolutePath());
        System.out.println("  syslog-tcp    " + config.syslogTcp().host() + ":" + config.syslogTcp().port()
            + " (max frame " + config.syslogTcp().maxFrameLength() + " B)");
        System.out.println("  syslog-udp    " + config.syslogUdp().host() + ":" + config.syslogUdp().port());
        System.out.println("  syslog-tls    " + (config.syslogTls().isConfigured() ? config.syslogTls().host() + ":"
            + config.syslogTls().port() + " (cert " + config.syslogTls().certPath() + ", client certificates "
            + (config.syslogTls().requiresClientCertificate() ? "required" : "not required") + ")"
            : "not opened (no certificate)"));
        System.out.println("  http          " + config.bind() + ":" + config.httpPort() + " (max body "
            + config.httpIngest().maxBodyBytes() + " B, auth " + (config.authTokens().isEmpty() ? "off"
            : config.authTokens().size() + " token(s)") + ")");
        System.out.println("  ring          " + config.pipeline().ringSize() + " slots, "
            + config.pipeline().waitStrategy().name().toLowerCase(java.util.Locale.ROOT));
        System.out.println("  journal fsync " + (config.journalFsync() ? "on" : "off") + ", pretouch "
            + (config.journal().pretouch() ? "on" : "off") + ", drop-behind "
            + (config.journal().dropBehind() ? "on" : "off") + ", batches <= " + config.journal().maxBatchEvents()
            + " events / " + config.journal().maxBatchBytes() + " bytes");
        return 0;
    }
}
