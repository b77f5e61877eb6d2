package io.sluice.server;

import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertListener;
import io.sluice.alerts.AlertState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per alert state change (not per re-send), so the server log tells the story of every incident. */
final class AlertLogListener implements AlertListener {
    private static final Logger LOG = LoggerFactory.getLogger("io.sluice.alerts");

    @Override
    public void onAlert(Alert alert, boolean transition) {
        if (!transition) {
            return;
        }
        String line = "alert {} {} {} value={} labels={}";
        if (alert.state() == AlertState.FIRING) {
            LOG.warn(line, alert.rule(), alert.state(), alert.severity(), alert.value(), alert.labels());
        } else {
            LOG.info(line, alert.rule(), alert.state(), alert.severity(), alert.value(), alert.labels());
        }
    }
}
