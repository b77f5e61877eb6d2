package io.sluice.server.support;

import io.sluice.core.LogEvent;
import io.sluice.server.config.SluiceConfig;
import io.sluice.storage.JournalQueue;
import io.sluice.storage.JournalReader;
import io.sluice.storage.ReplayQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What every in-process server test needs: a loopback config on free ports, and the stored events read back. */
public final class TestServers {
    private TestServers() {
    }

    /** Defaults, bound to 127.0.0.1 on free ports, journal in {@code dataDir}. */
    public static SluiceConfig loopback(Path dataDir) {
        return SluiceConfig.defaults().withDataDir(dataDir).withBind("127.0.0.1").withSyslogTcpPort(0)
            .withSyslogUdpPort(0).withHttpPort(0);
    }

    /** Every event of {@code queue}, oldest first, each copied out of the reader's reused slot. */
    public static List<LogEvent> stored(Path dataDir, JournalQueue queue) {
        List<LogEvent> events = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dataDir)) {
            reader.replay(ReplayQuery.all(queue), event -> {
                LogEvent copy = new LogEvent();
                copy.copyFrom(event);
                return events.add(copy);
            });
        }
        return events;
    }
}
