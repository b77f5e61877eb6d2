package io.sluice.server.alerts;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs failures of one destination at most once per interval, with the count of those left out, and the recovery
 * once: a dead receiver retried every second must not flood the log.
 *
 * <p>Thread contract: not thread-safe; used on the outbox thread.
 */
final class FailureLog {
    static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final Logger LOG = LoggerFactory.getLogger(AlertNotifications.class);

    private final String subject;
    private final long intervalNanos;
    private long lastLoggedNanos;
    private boolean logged;
    private long notLogged;
    private boolean failing;

    FailureLog(String subject, long intervalNanos) {
        this.subject = subject;
        this.intervalNanos = intervalNanos;
    }

    void failure(String what) {
        failing = true;
        long now = System.nanoTime();
        if (logged && now - lastLoggedNanos < intervalNanos) {
            notLogged++;
            return;
        }
        if (notLogged > 0) {
            LOG.warn("{}: {} ({} similar failures not logged since the last message)", subject, what, notLogged);
        } else {
            LOG.warn("{}: {}", subject, what);
        }
        logged = true;
        lastLoggedNanos = now;
        notLogged = 0;
    }

    void recovered() {
        if (failing) {
            failing = false;
            LOG.info("{}: delivering again", subject);
        }
    }
}
