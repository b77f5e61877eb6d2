package io.sluice.alerts;

import java.util.List;

/**
 * A function call as parsed from a rule expression, handed to its {@link AlertFunction} to check and bind.
 *
 * @param name   the function name, e.g. {@code error_rate}
 * @param args   the arguments in the order written
 * @param column 1-based column of the name
 */
public record FunctionCall(String name, List<Argument> args, int column) {
    public FunctionCall {
        args = List.copyOf(args);
    }

    /** The column just after the call, where a missing argument is reported. */
    public int endColumn() {
        return args.isEmpty() ? column + name.length() : args.get(args.size() - 1).column();
    }
}
