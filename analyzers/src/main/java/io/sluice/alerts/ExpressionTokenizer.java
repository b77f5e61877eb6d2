package io.sluice.alerts;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule expression into tokens, each with its 1-based column. Hand-written (rules are parsed once, on load;
 * the evaluation loop never sees text).
 *
 * <p>A word is a run of letters, digits and {@code _ . - : %}: names ({@code error_rate}, {@code checkout-api}),
 * numbers with their unit ({@code 500ms}, {@code 0.01}, {@code 5%}) and host names or addresses ({@code 10.0.0.1}).
 */
final class ExpressionTokenizer {
    enum Kind { WORD, STRING, LPAREN, RPAREN, COMMA, STAR, SLASH, OP, END }

    record Token(Kind kind, String text, int column) {
        /** How error messages show the token. */
        String shown() {
            return kind == Kind.END ? "end of expression" : "'" + text + "'";
        }
    }

    private ExpressionTokenizer() {
    }

    /** @throws InvalidRuleException (rule unnamed) at the first character that starts no token */
    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, end), column));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new InvalidRuleException(null, column, "unterminated string");
                }
                tokens.add(new Token(Kind.STRING, text.substring(i + 1, end), column));
                i = end + 1;
            } else if (c == '<' || c == '>' || c == '=' || c == '!') {
                boolean twoChars = i + 1 < text.length() && text.charAt(i + 1) == '=';
                if (c == '!' && !twoChars) {
                    throw new InvalidRuleException(null, column, "'!' must be followed by '=' (not equal: !=)");
                }
                int end = twoChars ? i + 2 : i + 1;
                tokens.add(new Token(Kind.OP, text.substring(i, end), column));
                i = end;
            } else {
                tokens.add(new Token(punctuation(c, column), String.valueOf(c), column));
                i++;
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
        return tokens;
    }

    private static Kind punctuation(char c, int column) {
        return switch (c) {
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case ',' -> Kind.COMMA;
            case '*' -> Kind.STAR;
            case '/' -> Kind.SLASH;
            default -> throw new InvalidRuleException(null, column, "unexpected character '" + c + "'");
        };
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':' || c == '%';
    }
}
