package io.sluice.server.alerts;

/**
 * One outbox excerpt: a notification and its outbox sequence number (dense, from 0, continued across restarts),
 * which is how the outbox counts what a destination has pending.
 */
record OutboxEntry(long seq, AlertRecord record) {
}
