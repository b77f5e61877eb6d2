package io.sluice.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.pipeline.WaitStrategyKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadEveryKeyAndDefaultTheRest() throws Exception {
        Path file = write("""
            data-dir: /var/lib/sluice/data
            bind: 127.0.0.1
            http: {port: 9090}
            syslog:
              tcp: {port: 1514, max-frame-length: 8192, event-loops: 2}
            ring: {size: 1024, wait-strategy: lite-blocking}
            """);
        SluiceConfig config = ConfigLoader.load(file);
        assertEquals(Path.of("/var/lib/sluice/data"), config.dataDir());
        assertEquals(9090, config.httpPort());
        assertEquals("127.0.0.1", config.syslogTcp().host());
        assertEquals(1514, config.syslogTcp().port());
        assertEquals(8192, config.syslogTcp().maxFrameLength());
        assertEquals(2, config.syslogTcp().eventLoops());
        assertEquals(1024, config.pipeline().ringSize());
        assertEquals(WaitStrategyKind.LITE_BLOCKING, config.pipeline().waitStrategy());
        assertEquals(SluiceConfig.DEFAULT_MAX_APPS, config.maxApps());
        assertEquals(file.toString(), config.source());
    }

    @Test
    void shouldNameTheLineAndKeyOfAnUnknownKey() throws Exception {
        Path file = write("""
            bind: 127.0.0.1
            syslog:
              tcp:
                prot: 1514
            """);
        ConfigLoader.ConfigException error = assertThrows(ConfigLoader.ConfigException.class,
            () -> ConfigLoader.load(file));
        assertTrue(error.getMessage().contains(":4:"), error.getMessage());
        assertTrue(error.getMessage().contains("unknown key 'prot'"), error.getMessage());
    }

    @Test
    void shouldRejectValuesTheServerCannotRunWith() throws Exception {
        Path file = write("ring: {size: 1000}\n");
        ConfigLoader.ConfigException error = assertThrows(ConfigLoader.ConfigException.class,
            () -> ConfigLoader.load(file));
        assertTrue(error.getMessage().contains("power of two"), error.getMessage());
    }

    @Test
    void shouldReadWhichLatencyFieldsToUseAndTheirUnits() throws Exception {
        SluiceConfig config = ConfigLoader.load(write("""
            analyzers:
              max-keys: 500
              latency: {json-fields: [took, "elapsed:s", "wait_us:us"], max-services: 50}
            """));
        assertEquals(500, config.analyzers().maxKeysPerDimension());
        assertEquals(java.util.List.of("took", "elapsed", "wait_us"),
            config.analyzers().latency().jsonFields().stream().map(f -> f.name()).toList());
        assertEquals(io.sluice.analyzers.scan.DurationUnit.SECONDS, config.analyzers().latency().jsonFields().get(1).unit());
        assertEquals(50, config.analyzers().latency().maxServices());
        ConfigLoader.ConfigException error = assertThrows(ConfigLoader.ConfigException.class,
            () -> ConfigLoader.load(write("analyzers: {latency: {json-fields: [\"took:weeks\"]}}\n")));
        assertTrue(error.getMessage().contains("not one of ns, us, ms, s"), error.getMessage());
    }

    @Test
    void shouldReadTheJournalTuningKeys() throws Exception {
        SluiceConfig config = ConfigLoader.load(write(
            "journal: {fsync: true, pretouch: false, max-batch-events: 64, max-batch-bytes: 8192}\n"));
        assertEquals(true, config.journalFsync());
        assertEquals(false, config.journal().pretouch());
        assertEquals(64, config.journal().maxBatchEvents());
        assertEquals(8192, config.journal().maxBatchBytes());
        assertEquals(true, ConfigLoader.load(write("journal: {fsync: false}\n")).journal().pretouch(), "default on");
        assertThrows(IllegalArgumentException.class,
            () -> ConfigLoader.load(write("journal: {max-batch-bytes: 10}\n")));
    }

    @Test
    void shouldLetFlagsOverrideTheFile() throws Exception {
        SluiceConfig config = ConfigLoader.load(write("bind: 10.0.0.1\nsyslog: {tcp: {port: 1514}}\n"))
            .withBind("127.0.0.1").withSyslogTcpPort(0);
        assertEquals("127.0.0.1", config.syslogTcp().host());
        assertEquals(0, config.syslogTcp().port());
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("sluice.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
