/**
 * The ring between sources and consumers.
 *
 * <p>Sources (event-loop threads) claim slots of {@link io.sluice.core.pipeline.EventRing} without blocking, copy
 * and parse bytes into them, and publish. {@link io.sluice.core.pipeline.EventPipeline} runs one thread per
 * consumer stage: the journal and each analyzer see every event, in parallel, in sequence order. When the ring is
 * full, claims fail and sources pause their sockets; nothing is buffered without bound and nothing is dropped
 * silently.
 */
package io.sluice.core.pipeline;
