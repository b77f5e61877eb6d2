/**
 * {@code ./sluice bench report}: BENCHMARKS.md regenerated from the benchmark tools' JSON.
 *
 * <pre>
 *  bench-results/  micro-*.json (JMH)  compare-*.json  e2e-*.json
 *        |  ResultFiles: the newest of each kind (a missing kind: "Not run yet")
 *        v
 *  MachineSection, MicroSection, CompareSection, E2eSection, SizingSection  -> Markdown text per region
 *  ReportCharts (XChart)                                                    -> docs/benchmarks/*.png
 *        |
 *        v
 *  MarkedRegions: only what lies between &lt;!-- bench:NAME --&gt; and &lt;!-- /bench:NAME --&gt; is rewritten;
 *  the hand-written narrative around the markers is kept. The inputs are copied to docs/benchmarks/data/.
 * </pre>
 */
package io.sluice.bench.report;
