package io.sluice.server.config;

import java.util.Locale;

/**
 * How the consumers behind the journal (counter, error rate, latency, throughput, security) are laid out on the
 * ring: one thread each, fused into one thread beside the journal, or fused with the journal itself into a single
 * ring thread. Fewer threads win on a small machine: the threads would compete for the same cores, and each thread
 * boundary costs a wake-up and moves every line to another core's cache (measured on 2 cores in BENCHMARKS.md).
 */
public enum AnalyzerStages {
    /** {@link #SINGLE} on machines with at most {@link #TINY_MACHINE_CORES} cores, {@link #FUSED} up to
     *  {@link #SMALL_MACHINE_CORES}, {@link #SEPARATE} above. */
    AUTO,
    /** Journal, then counter, analyzers and security, on one ring thread: one wake-up, one cache pass per slot. */
    SINGLE,
    /** Counter, analyzers and security on one ring thread, the journal on its own. */
    FUSED,
    /** A ring thread each. */
    SEPARATE;

    public static final int TINY_MACHINE_CORES = 2;
    public static final int SMALL_MACHINE_CORES = 4;

    /** The layout {@code AUTO} stands for on a machine with {@code cores} cores; any other value stands for itself. */
    public AnalyzerStages resolve(int cores) {
        if (this != AUTO) {
            return this;
        }
        return cores <= TINY_MACHINE_CORES ? SINGLE : cores <= SMALL_MACHINE_CORES ? FUSED : SEPARATE;
    }

    public static AnalyzerStages parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("analyzers.stages: '" + text
                + "' is not one of auto, single, fused, separate");
        }
    }
}
