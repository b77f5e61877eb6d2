package io.sluice.ingest.elastic;

/**
 * The four operations of an Elasticsearch bulk action line. Only {@link #INDEX} and {@link #CREATE} store anything:
 * Sluice is an append-only journal, so it cannot delete or update what it stored, and says so per item.
 */
public enum BulkAction {
    INDEX("index", true),
    CREATE("create", true),
    /** The only action without a source line. */
    DELETE("delete", false),
    /** Followed by a partial document or script, which Sluice skips. */
    UPDATE("update", true);

    private final String label;
    private final boolean hasSource;

    BulkAction(String label, boolean hasSource) {
        this.label = label;
        this.hasSource = hasSource;
    }

    /** The action's key in the request line and in the response item. */
    public String label() {
        return label;
    }

    /** Whether a source line follows the action line. */
    public boolean hasSource() {
        return hasSource;
    }

    /** Whether Sluice stores the source ({@code index}, {@code create}). */
    public boolean stores() {
        return this == INDEX || this == CREATE;
    }

    /** The action named {@code label}, or null. */
    public static BulkAction ofLabel(String label) {
        return switch (label) {
            case "index" -> INDEX;
            case "create" -> CREATE;
            case "delete" -> DELETE;
            case "update" -> UPDATE;
            default -> null;
        };
    }
}
