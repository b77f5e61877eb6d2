/**
 * The server side of security anomalies: persistence, the feed and the stream.
 *
 * <pre>
 *  detectors (security stage thread) --onAnomaly--> AnomalyStore --hand-over--> store thread
 *                                                        |                   | append AnomalyRecord (versioned codec)
 *                                                        |                   |   to &lt;dataDir&gt;/anomalies
 *                                                        |                   | AnomalyIndex (latest version, bounded)
 *                                                        |                   | fan-out to AnomalySubscriptions
 *  GET /api/anomalies, /{id}  (AnomalyRoutes) -----------+ reads the index; EvidenceReader reads the journal
 *  GET /api/anomalies/stream  (AnomalyStream, SSE) ------- subscribe(lastEventId): replay thread, then live
 *  anomaly(...) rules         (AnomalyAlertFunction) ----- reads the open anomalies
 *  sluice replay --queue anomalies (AnomalyQueueReader) -- reads the queue read-only
 * </pre>
 * Every anomaly version gets a store-wide version sequence (1, 2, 3 ...), persisted in its record: the SSE event id
 * a client resumes from. Anomaly ids come from {@link io.sluice.server.security.AnomalyStore#nextId()} and continue
 * after the highest stored on restart.
 */
package io.sluice.server.security;
