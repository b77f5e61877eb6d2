package io.sluice.analyzers.security.recognize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays fail2ban's annotated sample logs ({@code shared/corpora/fail2ban}, GPL-2.0-or-later test data of
 * fail2ban/fail2ban, see the corpora README) through the syslog decoder and the recognizer, as the corpora README
 * recommends: over the records marked {@code use_for_single_recognizer}, "failure from host X"
 * ({@link LogSecurityRecognizer#isFailure} with a source) is a TP when the record says {@code match} and X equals its
 * {@code host} exactly, an FP when it says no match, an FN when it says match and we found nothing or another host.
 *
 * <p>Records fail2ban can only report from multi-line session state (no {@code host}, an {@code attempts} count, or
 * a host not written in the line itself) are counted apart (columns {@code ml}), not in precision/recall: the
 * recognizer reads one line. Lines the web servers write to their own error logs stay RAW, as Sluice stores them.
 */
class Fail2banGroundTruthTest {
    private static final String[] FILES = {"sshd", "sshd-journal", "selinux-ssh", "pam-generic", "apache-auth",
        "nginx-http-auth", "haproxy-http-auth", "dovecot", "postfix", "recidive"};
    /** Floors per file: {precision, recall}. sshd is the bar; the others sit just under what we reach. */
    private static final Map<String, double[]> FLOORS = floors();

    private final ObjectMapper json = new ObjectMapper();
    private final SyslogDecoder decoder = new SyslogDecoder();
    private final LogSecurityRecognizer recognizer = new LogSecurityRecognizer();
    private final LogEvent event = new LogEvent();
    private final SecuritySignal signal = new SecuritySignal();

    @Test
    void shouldFindTheAnnotatedFailuresWithTheirHostsInEveryFail2banSample() throws IOException {
        Path dir = corpora().resolve("fail2ban").resolve("expected");
        assertTrue(Files.isDirectory(dir), "fail2ban corpus missing: " + dir);
        List<String> failures = new ArrayList<>();
        System.out.printf("%-18s %5s %5s %4s %4s %4s %9s %7s %6s %6s%n", "file", "used", "match", "TP", "FP", "FN",
            "precision", "recall", "ml TP", "ml FN");
        for (String file : FILES) {
            Score s = score(dir.resolve(file + ".expected.jsonl"));
            System.out.printf("%-18s %5d %5d %4d %4d %4d %9.3f %7.3f %6d %6d%n", file, s.used, s.matches, s.tp, s.fp,
                s.fn, s.precision(), s.recall(), s.multiLineTp, s.multiLineFn);
            if (Boolean.getBoolean("sluice.recognize.verbose")) {
                s.misses.forEach(miss -> System.out.println("    " + miss));
            }
            double[] floor = FLOORS.get(file);
            if (s.precision() < floor[0] || s.recall() < floor[1]) {
                failures.add(String.format("%s: precision %.3f (floor %.2f), recall %.3f (floor %.2f); misses: %s",
                    file, s.precision(), floor[0], s.recall(), floor[1], s.misses));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private Score score(Path expected) throws IOException {
        Score s = new Score();
        for (String jsonLine : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
            JsonNode record = json.readTree(jsonLine);
            if (!record.path("use_for_single_recognizer").asBoolean(false)) {
                continue;
            }
            String line = record.get("line").asText();
            boolean match = record.get("match").asBoolean();
            String host = record.hasNonNull("host") ? record.get("host").asText() : null;
            String found = failureHost(line);
            s.used++;
            boolean multiLine = match && (host == null || record.has("attempts") || !line.contains(host));
            if (multiLine) {
                if (host != null && host.equals(found)) {
                    s.multiLineTp++;
                } else {
                    s.multiLineFn++;
                }
                continue;
            }
            s.matches += match ? 1 : 0;
            if (match && host.equals(found)) {
                s.tp++;
            } else if (!match && found != null) {
                s.fp++;
                s.misses.add("FP " + line);
            } else if (match) {
                s.fn++;
                s.misses.add("FN(" + found + ") " + line);
            }
        }
        return s;
    }

    /** The host of the failure the recognizer reports for {@code line}, or null. */
    private String failureHost(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        event.setRaw(bytes, 0, bytes.length);
        decoder.decode(event);
        if (!recognizer.recognize(event, signal) || !LogSecurityRecognizer.isFailure(signal)) {
            return null;
        }
        return signal.sourceIpString(event);
    }

    static Path corpora() {
        String configured = System.getProperty("sluice.corpora");
        Path path = configured != null ? Path.of(configured) : Path.of("/work/shared/corpora");
        return Files.isDirectory(path) ? path : Path.of("/work/shared/corpora");
    }

    private static Map<String, double[]> floors() {
        Map<String, double[]> floors = new LinkedHashMap<>();
        for (String file : FILES) {
            floors.put(file, new double[] {0.0, 0.0});
        }
        floors.put("sshd", new double[] {0.99, 0.95});
        floors.put("sshd-journal", new double[] {0.99, 0.95});
        floors.put("selinux-ssh", new double[] {0.95, 0.95});
        floors.put("pam-generic", new double[] {0.85, 0.95}); // the one FP: see LogSecurityRecognizerTest
        floors.put("apache-auth", new double[] {0.95, 0.95});
        floors.put("nginx-http-auth", new double[] {0.95, 0.95});
        floors.put("haproxy-http-auth", new double[] {0.95, 0.95});
        floors.put("dovecot", new double[] {0.95, 0.80});
        floors.put("postfix", new double[] {0.95, 0.95});
        floors.put("recidive", new double[] {0.95, 0.95});
        return floors;
    }

    private static final class Score {
        int used;
        int matches;
        int tp;
        int fp;
        int fn;
        int multiLineTp;
        int multiLineFn;
        final List<String> misses = new ArrayList<>();

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }
}
