/**
 * The journal: every event the pipeline accepts, appended to Chronicle Queue, and read back for replay.
 *
 * <pre>
 *   ring --&gt; JournalHandler (journal thread) --+-- ExcerptWriter --&gt; &lt;dataDir&gt;/journal/*.cq4     (daily)
 *                                              +-- ExcerptWriter --&gt; &lt;dataDir&gt;/dead-letter/*.cq4 (truncated)
 *
 *   JournalPretoucher (daemon thread): told the journal writer's cycle file and position after each commit, it
 *                 faults in the next 64 MiB of pages, so the kernel zeroes them there and not in the writer
 *
 *   one excerpt = ExcerptHeader (count, first/last sequence, min/max receive time) + N EventRecordCodec records,
 *                 closed at the Disruptor's endOfBatch, or at 64 KiB / 512 events
 *
 *   JournalReader (any process, read-only) --&gt; replay(ReplayQuery, EventVisitor): skips cycles and excerpts by
 *                                               their summary, decodes the rest into one reused LogEvent
 * </pre>
 *
 * {@link io.sluice.storage.Journal} owns the write side of a data dir (one process at a time) and knows the last
 * sequence stored, which the server continues from after a restart; {@link io.sluice.storage.JournalMetrics} exposes
 * its counters without locks.
 */
package io.sluice.storage;
