package io.sluice.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The samples a run's lines are built from, and a sentence saying where they came from (for the results' notes).
 *
 * @param samples     at least one
 * @param description e.g. "loghub corpus ../shared/corpora/loghub: 17991 lines from 9 systems"
 * @param fromCorpus  false when the corpus was missing and synthetic lines stand in
 */
public record LoadSamples(List<LogSample> samples, String description, boolean fromCorpus) {
    /** Where the loghub samples live, relative to the repository root. */
    public static final Path DEFAULT_CORPUS = Path.of("../shared/corpora/loghub");

    /** The corpus under {@code corpus}, or synthetic service lines (and a description saying so) if it is absent. */
    public static LoadSamples load(Path corpus) throws IOException {
        List<LogSample> samples = CorpusReader.read(corpus);
        if (samples.isEmpty()) {
            return new LoadSamples(CorpusReader.synthetic(4096), "corpus " + corpus + " not found: synthetic "
                + "web-service lines (5 services, 16 hosts, ~1% errors) stand in for real logs", false);
        }
        long apps = samples.stream().map(LogSample::app).distinct().count();
        long hosts = samples.stream().map(LogSample::host).distinct().count();
        long errors = samples.stream().filter(s -> s.severity() <= LogSample.ERR).count();
        return new LoadSamples(samples, String.format("message bodies from the loghub corpus %s: %d lines, %d apps, "
            + "%d hosts, %.1f%% at severity err; lines cut/padded (with the next lines' text) to the exact size",
            corpus, samples.size(), apps, hosts, 100.0 * errors / samples.size()), true);
    }
}
