package io.sluice.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.LogEvent;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer process that dies with an excerpt open: what it had committed survives, and appending goes on. */
class JournalCrashRecoveryTest {
    private static final int COMMITTED = 1000;
    private static final int OPEN = 100;

    @TempDir
    Path dataDir;

    /** The child: commits {@link #COMMITTED} events, appends {@link #OPEN} more without endOfBatch, then halts. */
    public static void main(String[] args) {
        Journal journal = Journal.open(Paths.get(args[0]));
        JournalHandler handler = journal.newHandler();
        handler.onStart();
        JournalEvents.append(handler, JournalEvents.parsed(0, COMMITTED), 64);
        for (LogEvent event : JournalEvents.parsed(COMMITTED, OPEN)) {
            handler.onEvent(event, event.sequence(), false);
        }
        System.out.println("appended");
        System.out.flush();
        Runtime.getRuntime().halt(9); // no shutdown hooks, no close: as kill -9
    }

    @Test
    void shouldKeepCommittedExcerptsAndAppendAfterAWriterDiedMidExcerpt() throws Exception {
        Process child = startChild();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child finished");
        String out = new String(child.getInputStream().readAllBytes());
        assertEquals(9, child.exitValue(), out);
        assertTrue(out.contains("appended"), out);

        try (Journal journal = Journal.open(dataDir)) { // Chronicle force-unlocks the dead writer's lock (logs a WARN)
            assertEquals(COMMITTED - 1, journal.lastSequence(), "the open excerpt was never committed");
            JournalEvents.appendAll(journal, JournalEvents.parsed(COMMITTED, 10), 64);
            assertEquals(COMMITTED + 9, journal.lastSequence());
        }
        List<LogEvent> expected = new ArrayList<>(JournalEvents.parsed(0, COMMITTED));
        expected.addAll(JournalEvents.parsed(COMMITTED, 10));
        JournalEvents.assertSameEvents(expected,
            JournalEvents.replay(dataDir, ReplayQuery.all(JournalQueue.JOURNAL)));
    }

    private Process startChild() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle.")) {
                command.add(arg); // Chronicle's JVM flags, as the test JVM got them
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(JournalCrashRecoveryTest.class.getName());
        command.add(dataDir.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
