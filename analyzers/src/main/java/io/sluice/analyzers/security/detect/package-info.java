/**
 * Security anomaly detection, one ring stage ({@link io.sluice.analyzers.security.detect.SecurityAnalyzer}):
 *
 * <pre>
 *   LogEvent --> VolumeSpikeDetector (per host: EWMA baseline of events per 10 s)          --+
 *            \-> SecurityRecognizer --> SecuritySignal --> BruteForce, PasswordSpray,       |
 *                                     DistributedBruteForce, SuccessAfterFailures,          +--> Detection
 *                                     PrivilegeEscalation, PortScan, WebAttack, WebAuthBurst-+      |
 *                                                                                                  v
 *                     AnomalyListener <-- create / update (<= 1/s) / close (quiet) -- AnomalyBook
 * </pre>
 *
 * Each detector keeps its own window state in preallocated arrays indexed by the dense ids of an
 * {@code LruKeyTable}: keys are 64-bit hashes of the IP, user or host bytes (nothing allocated per key), capped per
 * detector, the least recently used evicted. "N events in the window" keeps the last N event times per key
 * ({@code KeyedEventWindow}); "K distinct values in the window" keeps the K most recently seen values per key
 * ({@code KeyedDistinctWindow}): both exact at the threshold, both with the triggering events' journal sequence
 * numbers as evidence. Rules and defaults live in {@link io.sluice.analyzers.security.detect.DetectorSettings}; a
 * source gone silent is left to the shipped throughput == 0 alert rule.
 *
 * <p>Everything runs on the stage's thread; only {@link io.sluice.analyzers.security.detect.SecurityMetrics} is read
 * from elsewhere.
 */
package io.sluice.analyzers.security.detect;
