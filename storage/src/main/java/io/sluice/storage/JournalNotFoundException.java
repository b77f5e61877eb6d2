package io.sluice.storage;

/** A reader was pointed at a directory that holds no journal; nothing was created there. */
public final class JournalNotFoundException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public JournalNotFoundException(String message) {
        super(message);
    }
}
