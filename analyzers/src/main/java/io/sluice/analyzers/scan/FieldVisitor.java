package io.sluice.analyzers.scan;

/**
 * Told about each value a scanner found under one of its configured names. Implemented by the analyzer's extractor
 * itself (passing {@code this}), so a scan allocates nothing.
 */
@FunctionalInterface
public interface FieldVisitor {
    /**
     * @param nameIndex which configured name matched (its index in the scanner's list)
     * @param bytes     the buffer scanned
     * @param offset    first byte of the value (inside the quotes for a quoted value)
     * @param length    value length in bytes
     * @return true to stop the scan here
     */
    boolean onField(int nameIndex, byte[] bytes, int offset, int length);
}
