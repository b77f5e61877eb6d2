/**
 * Sluice's event model: the ring slot {@link io.sluice.core.LogEvent}, the enums it stores as bytes
 * ({@link io.sluice.core.Transport}, {@link io.sluice.core.Format}), and the span {@link io.sluice.core.Field}s a
 * parser fills. Pure Java plus the Disruptor: no Vert.x, no Chronicle, so it is fast to test and every other module
 * can depend on it.
 *
 * <pre>
 *  ingest (sources, framing, parsers) --> core.pipeline (ring) --> storage (journal) + analyzers --> server (API)
 * </pre>
 */
package io.sluice.core;
