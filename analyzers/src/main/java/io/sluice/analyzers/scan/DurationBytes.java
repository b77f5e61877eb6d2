package io.sluice.analyzers.scan;

/**
 * Reads a duration written as a decimal number with an optional unit suffix, straight from bytes: {@code 123},
 * {@code 0.25}, {@code 1.5e-3}, {@code 350us}, {@code 350µs}, {@code 87ms}, {@code 1.2s}, {@code 900ns}. A bare number
 * is in the caller's default unit. Stateless; allocation-free.
 */
public final class DurationBytes {
    /** Returned for text that is not a duration (negative, no digits, unknown suffix). */
    public static final long NOT_A_DURATION = -1;
    private static final int MAX_MANTISSA_DIGITS = 17; // stays below Long.MAX_VALUE
    private static final double[] POWERS_OF_TEN = powersOfTen();

    private DurationBytes() {
    }

    /** The duration in {@code bytes[offset, offset+length)} in whole microseconds (rounded), or NOT_A_DURATION. */
    public static long micros(byte[] bytes, int offset, int length, DurationUnit defaultUnit) {
        int end = offset + length;
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        int i = offset;
        for (; i < end && isDigit(bytes[i]); i++, digits++) {
            if (digits < MAX_MANTISSA_DIGITS) {
                mantissa = mantissa * 10 + (bytes[i] - '0');
            } else {
                exponent++; // a digit past the mantissa's precision still scales the value
            }
        }
        if (i < end && bytes[i] == '.') {
            for (i++; i < end && isDigit(bytes[i]); i++, digits++) {
                if (digits < MAX_MANTISSA_DIGITS) {
                    mantissa = mantissa * 10 + (bytes[i] - '0');
                    exponent--;
                }
            }
        }
        if (digits == 0) {
            return NOT_A_DURATION;
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            int start = i;
            i = readExponent(bytes, i + 1, end);
            if (i < 0) {
                return NOT_A_DURATION;
            }
            exponent += exponentValue(bytes, start + 1, i);
        }
        double unitMicros = unitMicros(bytes, i, end, defaultUnit);
        if (unitMicros < 0 || exponent < -POWERS_OF_TEN.length + 1 || exponent >= POWERS_OF_TEN.length) {
            return NOT_A_DURATION;
        }
        double value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        return Math.round(value * unitMicros);
    }

    /** Index after the exponent's digits, or -1 when none follow. */
    private static int readExponent(byte[] bytes, int i, int end) {
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            i++;
        }
        int digitsStart = i;
        while (i < end && isDigit(bytes[i])) {
            i++;
        }
        return i > digitsStart && i - digitsStart <= 3 ? i : -1;
    }

    private static int exponentValue(byte[] bytes, int from, int to) {
        boolean negative = bytes[from] == '-';
        int i = bytes[from] == '-' || bytes[from] == '+' ? from + 1 : from;
        int value = 0;
        for (; i < to; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return negative ? -value : value;
    }

    /** Microseconds per unit named by the suffix {@code bytes[from, to)}; the default for none; -1 if unknown. */
    private static double unitMicros(byte[] bytes, int from, int to, DurationUnit defaultUnit) {
        int n = to - from;
        if (n == 0) {
            return defaultUnit.micros();
        }
        byte first = bytes[from];
        if (n == 1) {
            return first == 's' ? DurationUnit.SECONDS.micros() : -1;
        }
        if (n == 2 && bytes[from + 1] == 's') {
            switch (first) {
                case 'n': return DurationUnit.NANOSECONDS.micros();
                case 'u': return DurationUnit.MICROSECONDS.micros();
                case 'm': return DurationUnit.MILLISECONDS.micros();
                default: return -1;
            }
        }
        boolean micro = n == 3 && first == (byte) 0xC2 && bytes[from + 1] == (byte) 0xB5 && bytes[from + 2] == 's';
        return micro ? DurationUnit.MICROSECONDS.micros() : -1; // "µs" in UTF-8
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static double[] powersOfTen() {
        double[] powers = new double[40];
        double p = 1;
        for (int i = 0; i < powers.length; i++) {
            powers[i] = p;
            p *= 10;
        }
        return powers;
    }
}
