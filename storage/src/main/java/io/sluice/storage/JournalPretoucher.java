package io.sluice.storage;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touches the journal's memory-mapped pages ahead of the writer from a background thread. The first write to a fresh
 * page of the cycle file makes the kernel zero it, and a probe on this kind of machine found most of the journal
 * thread's time there; done here, the journal thread finds its pages ready. Chronicle's {@code pretouch()} is meant
 * to be called like this: often, from a thread with its own appender.
 */
final class JournalPretoucher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalPretoucher.class);
    private static final long INTERVAL_MILLIS = 20;

    private final Thread thread;
    private volatile boolean running = true;

    JournalPretoucher(SingleChronicleQueue queue) {
        this.thread = new Thread(() -> run(queue), "sluice-journal-pretouch");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void run(SingleChronicleQueue queue) {
        try (ExcerptAppender appender = queue.createAppender()) {
            while (running) {
                appender.pretouch();
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("journal pretouch stopped: {}", e.toString()); // appends go on, only slower
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
