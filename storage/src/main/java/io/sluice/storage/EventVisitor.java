package io.sluice.storage;

import io.sluice.core.LogEvent;

/**
 * Receives replayed events, oldest first.
 *
 * <p>Thread contract: called on the thread that runs {@link JournalReader#replay}. The event is one reused
 * instance, overwritten by the next call: copy it ({@link LogEvent#copyFrom}) to keep it.
 */
@FunctionalInterface
public interface EventVisitor {
    /** Returns true to continue, false to stop the replay after this event. */
    boolean visit(LogEvent event);
}
