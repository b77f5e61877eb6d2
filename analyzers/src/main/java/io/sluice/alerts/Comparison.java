package io.sluice.alerts;

/** The comparison operators of rule expressions and of function arguments ({@code severity<=P2}). */
public enum Comparison {
    GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** False whenever {@code value} is NaN (no data never satisfies a condition, not even {@code !=}). */
    public boolean test(double value, double threshold) {
        if (Double.isNaN(value)) {
            return false;
        }
        return switch (this) {
            case GT -> value > threshold;
            case GE -> value >= threshold;
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case EQ -> value == threshold;
            case NE -> value != threshold;
        };
    }

    /** The operator written as {@code symbol}; a single {@code =} (argument style) is {@link #EQ}; null if none. */
    static Comparison ofSymbol(String symbol) {
        if (symbol.equals("=")) {
            return EQ;
        }
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }
}
