package io.sluice.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the loghub samples ({@code <corpus>/<System>/<System>_2k.log}) into {@link LogSample}s. Lines in syslog
 * shape ({@code Mmm dd hh:mm:ss host tag[pid]: text}: Linux, OpenSSH, Mac) keep their host and tag; the others
 * (Apache, HDFS, Zookeeper, Android, ...) become the message of a service named after the system, with the
 * severity read from their level word. Lines are interleaved across systems so any slice of the pool is a mix.
 */
public final class CorpusReader {
    private CorpusReader() {
    }

    /** The samples of every {@code *.log} under {@code corpus}, interleaved; empty if there are none. */
    public static List<LogSample> read(Path corpus) throws IOException {
        List<List<LogSample>> perSystem = new ArrayList<>();
        if (!Files.isDirectory(corpus)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path dir : dirs.sorted().filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                        perSystem.add(readFile(file, dir.getFileName().toString().toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
        return interleave(perSystem);
    }

    private static List<LogSample> readFile(Path file, String system) throws IOException {
        List<LogSample> samples = new ArrayList<>();
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String line = printable(raw).strip();
            if (!line.isEmpty()) {
                samples.add(parse(line, system, n++));
            }
        }
        return samples;
    }

    /** One corpus line as a sample; {@code n} spreads non-syslog systems over a few host names. */
    static LogSample parse(String line, String system, int n) {
        LogSample syslog = parseSyslog(line);
        if (syslog != null) {
            return syslog;
        }
        return new LogSample(system + "-node" + (n % 8), system, severityOf(line), line);
    }

    /** {@code Mmm dd hh:mm:ss host tag: text} or null. */
    private static LogSample parseSyslog(String line) {
        if (line.length() < 20 || line.charAt(3) != ' ' || line.charAt(9) != ':' || line.charAt(12) != ':'
            || !Character.isLetter(line.charAt(0))) {
            return null;
        }
        int hostEnd = line.indexOf(' ', 16);
        int tagEnd = hostEnd < 0 ? -1 : line.indexOf(": ", hostEnd + 1);
        if (hostEnd < 0 || tagEnd < 0) {
            return null;
        }
        String host = line.substring(16, hostEnd);
        String tag = line.substring(hostEnd + 1, tagEnd);
        int cut = tag.length();
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '[' || c == '(' || c == ' ') {
                cut = i;
                break;
            }
        }
        String app = tag.substring(0, cut);
        if (host.isEmpty() || app.isEmpty()) {
            return null;
        }
        String message = line.substring(tagEnd + 2);
        return new LogSample(host, app, severityOf(message), message);
    }

    /** The level word near the start of the line (ERROR, [error], WARN, " E ", ...); info when none. */
    static int severityOf(String line) {
        String head = line.substring(0, Math.min(line.length(), 80)).toUpperCase(Locale.ROOT);
        if (head.contains("FATAL") || head.contains("ERROR") || head.contains(" E ")) {
            return LogSample.ERR;
        }
        if (head.contains("WARN") || head.contains(" W ")) {
            return LogSample.WARNING;
        }
        return LogSample.INFO;
    }

    /** Printable ASCII only: the pool must be byte-exact in size, and quotes would need escaping in JSON. */
    static String printable(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                sb.append('\'');
            } else if (c == '\\') {
                sb.append('/');
            } else if (c == '\t') {
                sb.append(' ');
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static List<LogSample> interleave(List<List<LogSample>> perSystem) {
        List<LogSample> all = new ArrayList<>();
        int longest = perSystem.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<LogSample> system : perSystem) {
                if (i < system.size()) {
                    all.add(system.get(i));
                }
            }
        }
        return all;
    }

    /** Made-up service traffic, for when the corpus is missing: web requests with durations, a few errors. */
    public static List<LogSample> synthetic(int count) {
        String[] services = {"checkout", "cart", "search", "auth", "inventory"};
        List<LogSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String service = services[i % services.length];
            int status = i % 97 == 0 ? 503 : 200;
            samples.add(new LogSample("web" + (i % 16), service, status >= 500 ? LogSample.ERR : LogSample.INFO,
                "GET /api/" + service + "/" + i + " status=" + status + " duration=" + (5 + i % 120) + "ms user=u"
                    + (i % 1000)));
        }
        return samples;
    }
}
