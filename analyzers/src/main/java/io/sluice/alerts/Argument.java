package io.sluice.alerts;

/**
 * One argument of a function call in a rule expression: {@code service=checkout}, {@code service=*},
 * {@code window=5m}, {@code severity<=P2}.
 *
 * @param name       the argument name as written
 * @param comparison {@code =} and {@code ==} are {@link Comparison#EQ}
 * @param value      the value as written, {@code "*"} for the wildcard (quotes removed from quoted values)
 * @param wildcard   true for an unquoted {@code *}
 * @param column     1-based column of the argument name, for error messages
 */
public record Argument(String name, Comparison comparison, String value, boolean wildcard, int column) {
}
