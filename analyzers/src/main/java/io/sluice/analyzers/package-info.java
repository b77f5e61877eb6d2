/**
 * The real-time analyzers: ring stages that each do one job, in parallel with the journal, and
 * {@link io.sluice.analyzers.StreamAnalyzers}, which answers {@link io.sluice.analyzers.stats.StreamStats} over them.
 *
 * <pre>
 *   ring --+--> errors     ErrorClassifier (severity, JSON status, access-log status) --> KeyedWindowCounters x3
 *          +--> latency    LatencyExtractor (JSON, SD params, key=value, $request_time) --> KeyedLatencyWindows
 *          |               + receive -> analyzer time --> PipelineLatencyRecorder
 *          +--> throughput events + bytes --> KeyedWindowCounters x3 (service, host, transport)
 *   API / alert engine --> StreamAnalyzers (StreamStats) --> queries with a wall-clock "now"
 * </pre>
 *
 * Writers bucket by the event's receive time; readers pick the buckets of a window ending "now", so a quiet key reads
 * zero once its window has passed without any timer. Each stage writes plain values and publishes them with ordered
 * (release) writes that readers pair with acquire reads: no lock is shared with the ring or the event loops.
 * Byte scanners live in {@code scan}, the keyed bucket rings in {@code window}. Fused onto one ring thread
 * ({@link io.sluice.analyzers.StreamAnalyzers#fused}), the analyzers share that thread's
 * {@link io.sluice.analyzers.scan.LineFacts} (each line scanned once for its access-log status) and
 * {@link io.sluice.analyzers.window.DimensionKeys} (each key resolved once per dimension); separate stages own theirs.
 */
package io.sluice.analyzers;
