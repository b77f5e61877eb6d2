package io.sluice.alerts;

import java.util.ArrayList;
import java.util.List;

/** Keeps every notification, in order, for assertions. */
final class RecordingListener implements AlertListener {
    record Notice(Alert alert, boolean transition) {
        AlertState state() {
            return alert.state();
        }

        @Override
        public String toString() {
            return alert.labels() + " " + alert.state() + (transition ? "" : " (resend)");
        }
    }

    private final List<Notice> notices = new ArrayList<>();

    @Override
    public synchronized void onAlert(Alert alert, boolean transition) {
        notices.add(new Notice(alert, transition));
    }

    synchronized List<Notice> notices() {
        return List.copyOf(notices);
    }

    /** Notices since the last call. */
    synchronized List<Notice> drain() {
        List<Notice> copy = List.copyOf(notices);
        notices.clear();
        return copy;
    }
}
