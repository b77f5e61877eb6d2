package io.sluice.alerts;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.StreamStats;
import io.sluice.analyzers.stats.Window;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The arguments the built-in functions share: one dimension ({@code service=}, {@code host=} or its alias
 * {@code source=}, {@code transport=}) set to a key or {@code *}, and an optional {@code window=} (1m, 5m, 15m).
 *
 * @param dimension what the analyzers group by
 * @param label     the argument name as written ({@code source} stays {@code source}): the alert's key label
 * @param key       the one key selected, or null for {@code *} (every key in {@link StreamStats#keys})
 * @param window    the analyzers' window to read
 */
record KeySelector(Dimension dimension, String label, String key, Window window) {
    static final Window DEFAULT_WINDOW = Window.ONE_MINUTE;
    static final Set<Dimension> ALL_DIMENSIONS = EnumSet.allOf(Dimension.class);

    /** Reads the call's arguments; anything but a dimension allowed here and {@code window} is an error. */
    static KeySelector bind(FunctionCall call, Set<Dimension> allowed) {
        return bind(call, allowed, Set.of());
    }

    /** {@link #bind(FunctionCall, Set)} leaving the arguments named in {@code own} to the function. */
    static KeySelector bind(FunctionCall call, Set<Dimension> allowed, Set<String> own) {
        Argument selected = null;
        Dimension dimension = null;
        Window window = DEFAULT_WINDOW;
        boolean windowSeen = false;
        for (Argument arg : call.args()) {
            Dimension d = dimension(arg.name());
            if (own.contains(arg.name())) {
                continue;
            } else if (arg.comparison() != Comparison.EQ) {
                throw new InvalidRuleException(null, arg.column(), call.name() + "() arguments take '=', not '"
                    + arg.comparison().symbol() + "'");
            } else if (arg.name().equals("window") && !windowSeen) {
                window = window(arg);
                windowSeen = true;
            } else if (d != null && allowed.contains(d) && selected == null) {
                checkKey(arg);
                selected = arg;
                dimension = d;
            } else {
                throw new InvalidRuleException(null, arg.column(), unexpected(call, arg, allowed, own, selected != null));
            }
        }
        if (selected == null) {
            throw new InvalidRuleException(null, call.endColumn(), call.name() + "() needs " + accepted(allowed)
                + " (a key, or * for every key)");
        }
        return new KeySelector(dimension, selected.name(), selected.wildcard() ? null : selected.value(), window);
    }

    /** Reads one key's value from the analyzers. */
    @FunctionalInterface
    interface ValueReader {
        double read(StreamStats stats, KeySelector selector, String key);
    }

    /** The query reading {@code reader}'s value for the selected key, or for every key the analyzers list. */
    AlertQuery query(ValueReader reader) {
        KeySelector selector = this;
        return new AlertQuery() {
            @Override
            public String keyLabel() {
                return label;
            }

            @Override
            public void evaluate(StreamStats stats, Sink out) {
                if (key != null) {
                    out.onValue(key, reader.read(stats, selector, key));
                } else {
                    for (String k : stats.keys(dimension)) {
                        out.onValue(k, reader.read(stats, selector, k));
                    }
                }
            }
        };
    }

    private static Dimension dimension(String name) {
        return switch (name) {
            case "service" -> Dimension.SERVICE;
            case "host", "source" -> Dimension.HOST;
            case "transport" -> Dimension.TRANSPORT;
            default -> null;
        };
    }

    private static Window window(Argument arg) {
        try {
            return Window.parse(arg.value());
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(null, arg.column(), e.getMessage());
        }
    }

    private static void checkKey(Argument arg) {
        if (!arg.wildcard() && arg.value().isEmpty()) {
            throw new InvalidRuleException(null, arg.column(), arg.name() + "= needs a key or *");
        }
    }

    private static String unexpected(FunctionCall call, Argument arg, Set<Dimension> allowed, Set<String> own,
                                     boolean hasKey) {
        if (arg.name().equals("window")) {
            return "window given twice";
        } else if (dimension(arg.name()) != null && allowed.contains(dimension(arg.name())) && hasKey) {
            return call.name() + "() takes one of " + accepted(allowed) + ", not two";
        }
        return "unknown argument '" + arg.name() + "' for " + call.name() + "(): it takes " + accepted(allowed)
            + ", window=" + (own.isEmpty() ? "" : ", " + String.join("=, ", new java.util.TreeSet<>(own)) + "=");
    }

    private static String accepted(Set<Dimension> allowed) {
        List<String> names = new ArrayList<>();
        if (allowed.contains(Dimension.SERVICE)) {
            names.add("service=");
        }
        if (allowed.contains(Dimension.HOST)) {
            names.add("host=");
            names.add("source=");
        }
        if (allowed.contains(Dimension.TRANSPORT)) {
            names.add("transport=");
        }
        return names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names);
    }
}
