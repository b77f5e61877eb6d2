package io.sluice.server.config;

import java.util.Locale;

/**
 * How the analysis consumers (counter, error rate, latency, throughput, security) are laid out on the ring: one
 * thread each, or fused into one thread beside the journal. On a small machine fused wins: the threads would compete
 * for the same cores (measured on 2 cores in BENCHMARKS.md).
 */
public enum AnalyzerStages {
    /** Fused on machines with at most {@link #SMALL_MACHINE_CORES} cores, separate above. */
    AUTO,
    FUSED,
    SEPARATE;

    public static final int SMALL_MACHINE_CORES = 4;

    /** Whether to fuse on a machine with {@code cores} cores. */
    public boolean fuse(int cores) {
        return this == FUSED || (this == AUTO && cores <= SMALL_MACHINE_CORES);
    }

    public static AnalyzerStages parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("analyzers.stages: '" + text + "' is not one of auto, fused, separate");
        }
    }
}
