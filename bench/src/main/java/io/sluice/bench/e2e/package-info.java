/**
 * {@code ./sluice bench e2e}: the end-to-end benchmark of the real server jar.
 *
 * <pre>
 * E2eBench (picocli: scenarios, matrix options)
 *   +-- CaseRunner, once per run:  SluiceProcess.start (child JVM, fresh data dir, ports from its "listening" line)
 *   |      warm-up load -> awaitStored -> measured load (io.sluice.bench.load generators or LoggenClient)
 *   |      -> awaitStored (drain) -> /proc CPU + RSS, /metrics (PrometheusText) -> SIGTERM -> JournalCount
 *   |      -> RunRecord (one row, one runs[] element)
 *   +-- AlertLatencyScenario: server with one fast-burn rule, steady traffic, error burst, poll /api/alerts
 *   +-- ResultsFile: bench-results/e2e-<timestamp>.json (the shape the report generator reads)
 * </pre>
 *
 * Stored counts come from reading the journal back after the server stopped, never from the sender or the server's
 * own counters; a TCP or HTTP run whose stored count differs from its sent count fails the whole invocation.
 */
package io.sluice.bench.e2e;
