package io.sluice.alerts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last resolved alerts, newest first, at most {@code capacity} (the oldest is forgotten): what
 * {@code GET /api/alerts} shows as recent. The durable history is the server's journal, fed by the listener.
 *
 * <p>Thread contract: not thread-safe; the engine guards it with its lock.
 */
final class RecentAlerts {
    private final int capacity;
    private final ArrayDeque<Alert> newestFirst = new ArrayDeque<>();

    RecentAlerts(int capacity) {
        this.capacity = capacity;
    }

    void add(Alert resolved) {
        if (capacity == 0) {
            return;
        }
        if (newestFirst.size() == capacity) {
            newestFirst.removeLast();
        }
        newestFirst.addFirst(resolved);
    }

    List<Alert> newest(int max) {
        List<Alert> alerts = new ArrayList<>(Math.max(0, Math.min(max, newestFirst.size())));
        Iterator<Alert> it = newestFirst.iterator();
        while (it.hasNext() && alerts.size() < max) {
            alerts.add(it.next());
        }
        return List.copyOf(alerts);
    }
}
