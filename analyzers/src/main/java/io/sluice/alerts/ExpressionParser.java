package io.sluice.alerts;

import io.sluice.alerts.ExpressionTokenizer.Kind;
import io.sluice.alerts.ExpressionTokenizer.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses rule expressions (once, when rules are loaded). Grammar:
 *
 * <pre>
 * expression := call comparison threshold [ "for" duration ]
 * call       := NAME "(" [ argument { "," argument } ] ")"
 * argument   := NAME ( "=" | "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) ( WORD | "*" | QUOTED )
 * comparison := "&gt;" | "&gt;=" | "&lt;" | "&lt;=" | "==" | "!="
 * threshold  := NUMBER [ unit ] [ "/" ( "s" | "m" | "h" ) ]     -- units decided by the function: see ThresholdUnit
 * duration   := NUMBER ( "ms" | "s" | "m" | "h" | "d" )
 * </pre>
 *
 * Examples: {@code error_rate(service=checkout, window=5m) > 0.01}, {@code latency_p95(service=*) > 500ms},
 * {@code throughput(source=*) < 1/s for 10m}. Errors name the rule and the 1-based column.
 *
 * <p>Thread contract: stateless apart from one parse's cursor; one instance per parse.
 */
final class ExpressionParser {
    private final String rule;
    private final String text;
    private final List<Token> tokens;
    private int next;

    private ExpressionParser(String rule, String text, List<Token> tokens) {
        this.rule = rule;
        this.text = text;
        this.tokens = tokens;
    }

    /** @throws InvalidRuleException naming {@code rule} and the column of the first problem */
    static AlertExpression parse(String rule, String text, AlertFunctions functions) {
        try {
            return new ExpressionParser(rule, text, ExpressionTokenizer.tokenize(text)).expression(functions);
        } catch (InvalidRuleException e) {
            throw e.inRule(rule);
        }
    }

    private AlertExpression expression(AlertFunctions functions) {
        Token name = expect(Kind.WORD, "a function name like error_rate");
        AlertFunction function = functions.get(name.text());
        if (function == null) {
            throw error(name, "unknown function '" + name.text() + "' (known: " + String.join(", ", functions.names())
                + ")");
        }
        AlertQuery query = function.bind(new FunctionCall(name.text(), arguments(), name.column()));
        Token op = expect(Kind.OP, "a comparison (> >= < <= == !=)");
        Comparison comparison = Comparison.ofSymbol(op.text());
        if (op.text().equals("=")) {
            throw error(op, "use == to compare for equality");
        }
        Token amount = expect(Kind.WORD, "a threshold");
        String per = null;
        if (peek().kind() == Kind.SLASH) {
            next++;
            per = expect(Kind.WORD, "a rate unit (s, m, h)").text();
        }
        double threshold = function.unit().convert(amount.text(), per, amount.column());
        Duration inlineFor = inlineFor();
        expect(Kind.END, "the end of the expression");
        return new AlertExpression(text, name.text(), query, comparison, threshold, inlineFor);
    }

    private List<Argument> arguments() {
        expect(Kind.LPAREN, "'('");
        List<Argument> args = new ArrayList<>();
        if (peek().kind() == Kind.RPAREN) {
            next++;
            return args;
        }
        do {
            Token argName = expect(Kind.WORD, "an argument name like service");
            Token op = expect(Kind.OP, "'=' after " + argName.text());
            Token value = tokens.get(next++);
            if (value.kind() != Kind.WORD && value.kind() != Kind.STAR && value.kind() != Kind.STRING) {
                throw error(value, "expected a value or * for " + argName.text() + ", found " + value.shown());
            }
            args.add(new Argument(argName.text(), Comparison.ofSymbol(op.text()), value.text(),
                value.kind() == Kind.STAR, argName.column()));
        } while (accept(Kind.COMMA));
        expect(Kind.RPAREN, "',' or ')'");
        return args;
    }

    private Duration inlineFor() {
        Token t = peek();
        if (t.kind() != Kind.WORD || !t.text().equals("for")) {
            return null;
        }
        next++;
        Token d = expect(Kind.WORD, "a duration after 'for' (e.g. 10m)");
        try {
            return DurationText.parse(d.text());
        } catch (IllegalArgumentException e) {
            throw error(d, e.getMessage());
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private Token expect(Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + ", found " + t.shown());
        }
        next++;
        return t;
    }

    private InvalidRuleException error(Token at, String problem) {
        return new InvalidRuleException(rule, at.column(), problem);
    }
}
