package io.sluice.server.security;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.server.json.EventJsonWriter;
import io.sluice.storage.JournalNotFoundException;
import io.sluice.storage.JournalQueue;
import io.sluice.storage.JournalReader;
import io.sluice.storage.ReplayQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches an anomaly's evidence events from the journal by sequence number, one short seek each (evidence is a
 * handful of events), and renders them with {@link EventJsonWriter}. The journal is opened read-only on first use
 * (it may not exist yet when the server starts) and kept open.
 *
 * <p>Thread contract: thread-safe; blocking (Chronicle reads): call it from a worker thread, never an event loop.
 */
final class EvidenceReader implements AutoCloseable {
    private final Path dataDir;
    private JournalReader reader;
    private boolean closed;

    EvidenceReader(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Writes {@code "evidenceEvents":[...]} with the events found and {@code "evidenceMissing":[...]} with the
     * sequences no longer (or not yet) in the journal.
     */
    void write(List<Long> sequences, JsonGenerator json) throws IOException {
        JournalReader journal = reader();
        List<Long> missing = new ArrayList<>();
        json.writeArrayFieldStart("evidenceEvents");
        for (long seq : sequences) {
            if (journal == null || !writeEvent(journal, seq, json)) {
                missing.add(seq);
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("evidenceMissing");
        for (long seq : missing) {
            json.writeNumber(seq);
        }
        json.writeEndArray();
    }

    private static boolean writeEvent(JournalReader journal, long seq, JsonGenerator json) {
        boolean[] found = {false};
        journal.replay(ReplayQuery.all(JournalQueue.JOURNAL).withFromSequence(seq).withLimit(1), event -> {
            // the first event at or after seq: a gap (dead-lettered, or a deleted cycle) yields a later one
            if (event.sequence() == seq) {
                try {
                    EventJsonWriter.write(event, json);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                found[0] = true;
            }
            return false;
        });
        return found[0];
    }

    private synchronized JournalReader reader() {
        if (reader == null && !closed) {
            try {
                reader = JournalReader.open(dataDir);
            } catch (JournalNotFoundException e) {
                return null; // nothing journaled yet: every evidence event is missing
            }
        }
        return reader;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
