package io.sluice.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.Window;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {
    private static final double EPSILON = 1e-9;

    private static AlertExpression parse(String text) {
        return ExpressionParser.parse("R", text, AlertFunctions.builtins());
    }

    private static Map<String, Double> values(AlertExpression expression, MapStreamStats stats) {
        Map<String, Double> values = new TreeMap<>();
        expression.query().evaluate(stats, values::put);
        return values;
    }

    @Test
    void shouldParseErrorRateForOneLiteralService() {
        AlertExpression e = parse("error_rate(service=checkout, window=5m) > 0.01");
        assertEquals("error_rate", e.function());
        assertEquals(Comparison.GT, e.comparison());
        assertEquals(0.01, e.threshold(), EPSILON);
        assertNull(e.inlineFor());
        assertEquals("service", e.query().keyLabel());
        MapStreamStats stats = new MapStreamStats()
            .errorRate(Dimension.SERVICE, "checkout", Window.FIVE_MINUTES, 3, 100)
            .errorRate(Dimension.SERVICE, "checkout", Window.ONE_MINUTE, 50, 100)
            .errorRate(Dimension.SERVICE, "cart", Window.FIVE_MINUTES, 9, 10);
        assertEquals(Map.of("checkout", 0.03), values(e, stats));
    }

    @Test
    void shouldFanOutOverEveryKeyOfTheDimensionForStar() {
        AlertExpression e = parse("error_rate(service=*, window=1m) > 5%");
        assertEquals(0.05, e.threshold(), EPSILON);
        MapStreamStats stats = new MapStreamStats().errorRate("a", 1, 10).errorRate("b", 0, 10).errorRate("c", 0, 0);
        assertEquals(Map.of("a", 0.1, "b", 0.0, "c", Double.NaN), values(e, stats));
    }

    @Test
    void shouldCountErrorsPerHost() {
        AlertExpression e = parse("error_count(host=web01) >= 10");
        assertEquals(Comparison.GE, e.comparison());
        assertEquals("host", e.query().keyLabel());
        MapStreamStats stats = new MapStreamStats().errorRate(Dimension.HOST, "web01", Window.ONE_MINUTE, 12, 40);
        assertEquals(Map.of("web01", 12.0), values(e, stats));
    }

    @Test
    void shouldLeaveErrorRateWithoutValueBelowMinEvents() {
        AlertExpression e = parse("error_rate(service=*, min_events=100) > 0.01");
        MapStreamStats stats = new MapStreamStats().errorRate("quiet", 1, 3).errorRate("busy", 2, 100);
        Map<String, Double> values = values(e, stats);
        assertTrue(Double.isNaN(values.get("quiet")));
        assertEquals(0.02, values.get("busy"), EPSILON);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "latency_p95(service=*, window=5m) > 500ms | 500",
        "latency_p95(service=*) > 2s | 2000",
        "latency_p99(service=api) > 800us | 0.8",
        "latency_p50(service=api) > 120 | 120",
        "latency_p90(service=api) > 1.5s | 1500",
        "latency_p999(service=api) > 3s | 3000",
        "latency_max(service=api) > 10s | 10000",
        "error_rate(service=*) > 1% | 0.01",
        "throughput(source=*) < 1/s | 1",
        "throughput(transport=udp) < 30/m | 0.5",
        "throughput(service=api) > 7200/h | 2",
        "throughput_bytes(host=web01) > 1KB/s | 1000",
        "throughput_bytes(host=web01) > 6MB/m | 100000",
    })
    void shouldConvertThresholdUnits(String text, double threshold) {
        assertEquals(threshold, parse(text).threshold(), 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"'>', GT", "'>=', GE", "'<', LT", "'<=', LE", "'==', EQ", "'!=', NE"})
    void shouldParseEveryComparison(String symbol, Comparison comparison) {
        assertEquals(comparison, parse("error_count(service=*) " + symbol + " 3").comparison());
    }

    @Test
    void shouldReadInlineForAndSourceAsHostAlias() {
        AlertExpression e = parse("throughput(source=*) < 1/s for 10m");
        assertEquals(Duration.ofMinutes(10), e.inlineFor());
        assertEquals("source", e.query().keyLabel());
        MapStreamStats stats = new MapStreamStats().throughput(Dimension.HOST, "web01", Window.ONE_MINUTE, 0.5);
        assertEquals(Map.of("web01", 0.5), values(e, stats));
    }

    @Test
    void shouldAcceptSpacingAndQuotedKeys() {
        AlertExpression e = parse("  error_rate( service = \"checkout api\" ,window=15m )>=0.1 for 1h");
        assertEquals(Duration.ofHours(1), e.inlineFor());
        MapStreamStats stats = new MapStreamStats()
            .errorRate(Dimension.SERVICE, "checkout api", Window.FIFTEEN_MINUTES, 1, 2);
        assertEquals(Map.of("checkout api", 0.5), values(e, stats));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "eror_rate(service=*) > 1                     | eror_rate       | unknown function 'eror_rate' (known: error_count, error_rate",
        "error_rate(service=*, windw=5m) > 0.01       | windw           | unknown argument 'windw' for error_rate()",
        "error_rate(service=*, window=2m) > 0.01      | window          | unknown window '2m'",
        "error_rate(service=*, window=1m, window=5m) > 0.01 | window=5m | window given twice",
        "error_rate(service=a, host=b) > 0.01         | host            | not two",
        "error_rate(service!=a) > 0.01                | service         | arguments take '=', not '!='",
        "error_rate() > 0.01                          | (               | needs one of service=, host=, source=, transport=",
        "latency_p95(host=*) > 500ms                  | host            | it takes service=, window=",
        "latency_p95(service=*) > 500kg               | 500kg           | threshold '500kg' is not a duration",
        "error_rate(service=*) > 0.01/s               | 0.01            | is not a ratio",
        "throughput(source=*) < 1/d                   | 1               | threshold '1/d' is not a rate",
        "error_count(service=*) > 1%                  | 1%              | is not a count",
        "error_rate(service=*) 0.01                   | 0.01            | expected a comparison",
        "error_rate(service=*) = 0.01                 | =               | use == to compare",
        "error_rate(service=*) > 0.01 and 1           | and             | expected the end of the expression, found 'and'",
        "error_rate(service=*) > 0.01 for 5x          | 5x              | not a duration: '5x'",
        "error_rate(service=*) > 0.01 $               | $               | unexpected character '$'",
        "error_rate(service=* > 0.01                  | >               | expected ',' or ')', found '>'",
        "error_rate(service=, window=5m) > 0.01       | ,               | expected a value or * for service, found ','",
        "error_rate(service=\"a) > 1                  | \"              | unterminated string",
        "error_rate service=*) > 1                    | service         | expected '('",
        "error_rate(service=*) >                      | END             | expected a threshold, found end of expression",
        "error_rate(service=*) > 0.01 for             | END             | expected a duration after 'for'",
        "error_rate(service=*) > 1 ! 2                | !               | '!' must be followed by '='",
        "error_rate(service=*, min_events=lots) > 1   | min_events      | min_events= takes a whole number",
    })
    void shouldRejectBadExpressionsNamingRuleAndColumn(String text, String at, String message) {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> parse(text.strip()));
        String expr = text.strip();
        int column = at.equals("END") ? expr.length() + 1 : expr.lastIndexOf(at.equals("window") ? "window=" : at) + 1;
        if (at.equals("window")) {
            column = expr.indexOf("window") + 1;
        }
        assertEquals("R", e.rule());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("rule 'R': expr column " + column + ": "), e.getMessage());
        assertTrue(e.problem().contains(message), e.getMessage());
    }

    @Test
    void shouldTakeRegisteredFunctionsWithComparisonArguments() {
        AlertFunction anomaly = new AlertFunction() {
            @Override
            public ThresholdUnit unit() {
                return ThresholdUnit.COUNT;
            }

            @Override
            public AlertQuery bind(FunctionCall call) {
                Argument severity = call.args().get(1);
                assertEquals(Comparison.LE, severity.comparison());
                assertEquals("P2", severity.value());
                return new AlertQuery() {
                    @Override
                    public String keyLabel() {
                        return "detector";
                    }

                    @Override
                    public void evaluate(io.sluice.analyzers.stats.StreamStats stats, Sink out) {
                        out.onValue(call.args().get(0).value(), 3);
                    }
                };
            }
        };
        AlertFunctions functions = AlertFunctions.builtins().with("anomaly", anomaly);
        AlertExpression e = ExpressionParser.parse("R", "anomaly(detector=brute_force, severity<=P2) > 0", functions);
        assertEquals(Map.of("brute_force", 3.0), values(e, new MapStreamStats()));
        InvalidRuleException unknown = assertThrows(InvalidRuleException.class,
            () -> parse("anomaly(detector=brute_force, severity<=P2) > 0"));
        assertTrue(unknown.getMessage().contains("unknown function 'anomaly'"), unknown.getMessage());
    }
}
