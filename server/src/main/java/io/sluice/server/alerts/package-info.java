/**
 * Alert notifications and history: what happens to an alert after the engine ({@code io.sluice.alerts}) decides
 * its state.
 *
 * <pre>
 *  alert engine thread             outbox thread (one, owns every Chronicle queue here)       HTTP (JDK client, async)
 *  AlertListener.onAlert  --execute-->  AlertHistory   &lt;dataDir&gt;/alerts         (every state change)
 *  (AlertNotifications:                 AlertOutbox    &lt;dataDir&gt;/alert-outbox   (firing, resolved, re-sends)
 *   never blocks)                         |- Destination alertmanager  cursor --POST /api/v2/alerts--&gt; Alertmanager
 *                                         |- Destination webhook-1     cursor --POST url-------------&gt; receiver
 *                                         '- ...  (one cursor each: a dead receiver holds up only itself)
 * </pre>
 *
 * <p>Delivery is at least once and in order per destination: a destination sends the entries at its cursor (a
 * Chronicle named tailer, persisted) and moves the cursor only on a 2xx; failures are retried with exponential
 * backoff and jitter; more than {@code outboxCapacity} pending entries push the oldest out (counted). A 4xx other
 * than 408/429 drops the batch (retrying cannot fix it). Everything is counted in {@link
 * io.sluice.server.alerts.AlertNotifierMetrics}; failures are logged at most once a minute per destination.
 *
 * <p>Wiring: {@code AlertNotifications.open(dataDir, settings)} gives the engine its listener; bind
 * {@code metrics()} to the registry; {@code close()} on shutdown. {@code sluice replay --queue alerts} prints the
 * history ({@link io.sluice.server.alerts.AlertHistoryReader}).
 */
package io.sluice.server.alerts;
