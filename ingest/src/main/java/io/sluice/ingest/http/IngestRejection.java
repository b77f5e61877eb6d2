package io.sluice.ingest.http;

/** A body that cannot be used at all; the source answers {@code status} with a JSON {@code {"error": reason}}. */
public final class IngestRejection extends RuntimeException {
    private final int status;

    public IngestRejection(int status, String reason) {
        super(reason, null, false, false); // a client's mistake: no stack trace needed
        this.status = status;
    }

    public int status() {
        return status;
    }
}
