package io.sluice.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The newest result file of each kind in a results directory: {@code micro-*.json} (JMH), {@code compare-*.json}
 * ({@code ./sluice bench compare}) and {@code e2e-*.json} ({@code ./sluice bench e2e}). Names carry a
 * {@code yyyyMMdd'T'HHmmss} stamp, so the greatest name is the newest; the modification time breaks ties.
 */
final class ResultFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final List<Path> used = new ArrayList<>();

    ResultFiles(Path directory) {
        this.directory = directory;
    }

    /** The newest {@code <prefix>-*.json}, parsed; empty when there is none. Remembers the file as used. */
    Optional<JsonNode> newest(String prefix) {
        Optional<Path> file = newestPath(directory, prefix);
        file.ifPresent(used::add);
        return file.map(ResultFiles::read);
    }

    static Optional<Path> newestPath(Path directory, String prefix) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix + "-") && name.endsWith(".json") && Files.isRegularFile(p);
            }).max(Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(ResultFiles::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    List<Path> used() {
        return List.copyOf(used);
    }

    /** Copies the files read so far into {@code target} (unless that is where they came from); returns the copies. */
    List<Path> copyUsedTo(Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> copies = new ArrayList<>();
        for (Path file : used) {
            Path copy = target.resolve(file.getFileName());
            if (!Files.exists(copy) || !Files.isSameFile(file, copy)) {
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copies.add(copy);
        }
        return copies;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
