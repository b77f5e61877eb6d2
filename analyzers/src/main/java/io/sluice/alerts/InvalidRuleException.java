package io.sluice.alerts;

/**
 * A rule (or a set of rules) that cannot be used. The message is meant for the operator as is: it names the rule and,
 * for expression errors, the 1-based column in {@code expr}.
 */
public final class InvalidRuleException extends IllegalArgumentException {
    private final String rule;
    private final int column;
    private final String problem;

    /** {@code rule} may be null where the thrower does not know it (a function checking its arguments). */
    public InvalidRuleException(String rule, int column, String problem) {
        this(rule, column, problem, describe(rule, column, problem));
    }

    private InvalidRuleException(String rule, int column, String problem, String message) {
        super(message);
        this.rule = rule;
        this.column = column;
        this.problem = problem;
    }

    public InvalidRuleException(String rule, String problem) {
        this(rule, 0, problem);
    }

    /** The rule's name, or null when the problem is not one rule's (a duplicate name, an unreadable file). */
    public String rule() {
        return rule;
    }

    /** 1-based column in the rule's {@code expr}, 0 when the problem is not in the expression. */
    public int column() {
        return column;
    }

    /** The message without the rule name and column. */
    public String problem() {
        return problem;
    }

    /** The same problem, attributed to {@code ruleName} (functions report problems before the parser names the rule). */
    InvalidRuleException inRule(String ruleName) {
        return rule != null ? this : new InvalidRuleException(ruleName, column, problem);
    }

    /** The same problem with {@code where} (a file, a rule's index in it) in front of the message. */
    public InvalidRuleException at(String where) {
        return new InvalidRuleException(rule, column, problem, where + ": " + getMessage());
    }

    private static String describe(String rule, int column, String problem) {
        StringBuilder text = new StringBuilder();
        if (rule != null) {
            text.append("rule '").append(rule).append("': ");
        }
        if (column > 0) {
            text.append("expr column ").append(column).append(": ");
        }
        return text.append(problem).toString();
    }
}
