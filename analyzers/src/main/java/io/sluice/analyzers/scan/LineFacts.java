package io.sluice.analyzers.scan;

import io.sluice.core.Field;
import io.sluice.core.LogEvent;

/**
 * What the analyzers on one ring thread read out of the current event's MESSAGE span, worked out at most once per
 * event: the access-log status position ({@link AccessLogLine#statusIndex}), which the error classifier, the latency
 * extractor and the security recognizer all need. An answer is computed the first time an analyzer asks and kept for
 * the others. The facts are keyed by the event slot and its ring sequence ({@link #of}); the ring never hands the same
 * slot and sequence out for different contents, so an answer is never read for another event.
 *
 * <p>Thread contract: one instance per ring-consumer thread. The analyzers fused onto one thread share one; separate
 * stages each own one. It is never shared across threads: the first thread to use it owns it, which an assertion
 * checks. Allocation-free.
 */
public final class LineFacts {
    private LogEvent event;
    private long sequence;
    private boolean sequenced;
    private boolean statusKnown;
    private int statusIndex;
    private boolean classesKnown;
    private int messageClasses;
    private Thread owner;

    /** These facts, now about {@code event} at ring {@code sequence}: kept if they already were, forgotten else. */
    public LineFacts of(LogEvent event, long sequence) {
        assert ownedByCurrentThread() : "line facts shared across threads";
        if (event != this.event || sequence != this.sequence || !sequenced) {
            load(event);
            this.sequence = sequence;
            this.sequenced = true;
        }
        return this;
    }

    /** These facts about {@code event} alone, every earlier answer forgotten: a one-off use outside a ring stage. */
    public LineFacts fresh(LogEvent event) {
        assert ownedByCurrentThread() : "line facts shared across threads";
        load(event);
        this.sequenced = false;
        return this;
    }

    /**
     * Index in {@code raw()} of the first digit of the MESSAGE span's access-log status (see {@link AccessLogLine}),
     * or {@link AccessLogLine#NONE}. Computed on the first call per event.
     */
    public int accessLogStatusIndex() {
        if (!statusKnown) {
            int length = event.spanLength(Field.MESSAGE);
            statusIndex = length > 0 && ByteClasses.has(messageClasses(), ByteClasses.CAPITAL_H)
                ? AccessLogLine.statusIndex(event.raw(), event.spanOffset(Field.MESSAGE), length) : AccessLogLine.NONE;
            statusKnown = true;
        }
        return statusIndex;
    }

    /** The {@link ByteClasses} of the MESSAGE span (0 without one). Computed on the first call per event. */
    public int messageClasses() {
        if (!classesKnown) {
            int length = event.spanLength(Field.MESSAGE);
            int offset = event.spanOffset(Field.MESSAGE);
            messageClasses = length > 0 ? ByteClasses.of(event.raw(), offset, offset + length) : 0;
            classesKnown = true;
        }
        return messageClasses;
    }

    /** The MESSAGE span's access-log status (100..599), or {@link AccessLogLine#NONE}. */
    public int accessLogStatus() {
        return AccessLogLine.statusAt(event.raw(), accessLogStatusIndex());
    }

    private void load(LogEvent event) {
        this.event = event;
        this.statusKnown = false;
        this.classesKnown = false;
    }

    private boolean ownedByCurrentThread() {
        Thread current = Thread.currentThread();
        if (owner == null) {
            owner = current;
        }
        return owner == current;
    }
}
