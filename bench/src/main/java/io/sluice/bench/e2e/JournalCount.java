package io.sluice.bench.e2e;

import io.sluice.storage.JournalQueue;
import io.sluice.storage.JournalReader;
import io.sluice.storage.ReplayQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a stopped server really kept: every event in its journal and dead-letter queue, read back with the same
 * reader {@code sluice replay} uses (not the server's own counters, not the sender's), and the journal's size on
 * disk (allocated blocks, as {@code du} counts them).
 *
 * @param journalEvents     events in the journal queue
 * @param deadLetterEvents  events in the dead-letter queue (cut frames and the like)
 * @param journalDiskBytes  disk blocks of the journal folder, in bytes
 */
public record JournalCount(long journalEvents, long deadLetterEvents, long journalDiskBytes) {

    public long events() {
        return journalEvents + deadLetterEvents;
    }

    public static JournalCount of(Path dataDir) throws IOException, InterruptedException {
        long journal;
        long deadLetter;
        try (JournalReader reader = JournalReader.open(dataDir)) {
            journal = reader.replay(ReplayQuery.all(JournalQueue.JOURNAL), event -> true);
            deadLetter = Files.isDirectory(JournalQueue.DEAD_LETTER.dir(dataDir))
                ? reader.replay(ReplayQuery.all(JournalQueue.DEAD_LETTER), event -> true) : 0;
        }
        return new JournalCount(journal, deadLetter, diskBytes(JournalQueue.JOURNAL.dir(dataDir)));
    }

    static long diskBytes(Path dir) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-s", "-B1", dir.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes()).trim();
        du.waitFor();
        try {
            return Long.parseLong(out.split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw new IOException("du " + dir + ": " + out, e);
        }
    }
}
