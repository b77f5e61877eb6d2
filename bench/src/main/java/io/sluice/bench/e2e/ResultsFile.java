package io.sluice.bench.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench-results/e2e-<yyyyMMdd'T'HHmmss>.json}: the shape the report generator reads ({@code kind}, {@code
 * startedAt}, {@code command}, {@code machine}, {@code notes}, {@code runs}, {@code halfLoad}, {@code alert}).
 */
public final class ResultsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final OffsetDateTime startedAt = OffsetDateTime.now();
    private final String command;
    private final List<String> notes = new ArrayList<>();
    private final List<RunRecord> runs = new ArrayList<>();
    private Map<String, Object> halfLoad;
    private Map<String, Object> alert;

    public ResultsFile(String command) {
        this.command = command;
    }

    public void note(String note) {
        notes.add(note);
    }

    public void addRun(RunRecord run) {
        runs.add(run);
    }

    public void halfLoad(long targetRate, RunRecord run) {
        halfLoad = new LinkedHashMap<>();
        halfLoad.put("targetRate", targetRate);
        halfLoad.put("run", run.toJson());
    }

    public void alert(String rule, List<Double> latenciesMs, double medianMs) {
        alert = new LinkedHashMap<>();
        alert.put("rule", rule);
        alert.put("latenciesMs", latenciesMs.stream().map(LatencyMs::round).toList());
        alert.put("medianMs", LatencyMs.round(medianMs));
    }

    /** Writes the file under {@code dir} and returns its path. */
    public Path write(Path dir) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "e2e");
        root.put("startedAt", startedAt.toString());
        root.put("command", command);
        root.put("machine", machine());
        root.put("notes", notes);
        root.put("runs", runs.stream().map(RunRecord::toJson).toList());
        root.put("halfLoad", halfLoad);
        root.put("alert", alert);
        Files.createDirectories(dir);
        Path file = dir.resolve("e2e-" + startedAt.toLocalDateTime().format(
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")) + ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name", "unknown"));
        String memKb = firstValue(Path.of("/proc/meminfo"), "MemTotal", "0").replaceAll("[^0-9]", "");
        m.put("memoryBytes", Long.parseLong(memKb.isEmpty() ? "0" : memKb) * 1024);
        m.put("jdk", System.getProperty("java.runtime.version") + " " + System.getProperty("java.vm.name"));
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", System.getProperty("os.name"))
            .replace("\"", "");
        m.put("os", os + " / " + System.getProperty("os.version"));
        return m;
    }

    private static String firstValue(Path file, String key, String fallback) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    int sep = line.indexOf(line.contains(":") && !line.contains("=") ? ':' : '=');
                    return line.substring(sep + 1).trim();
                }
            }
        } catch (IOException e) {
            return fallback;
        }
        return fallback;
    }

    /** For the console: when the run started, local time. */
    public LocalDateTime started() {
        return startedAt.toLocalDateTime();
    }
}
