package io.sluice.storage;

/** The journal holds bytes this build cannot read: an unknown record version or a corrupt record. */
public final class JournalFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalFormatException(String message) {
        super(message);
    }
}
