package io.sluice.alerts;

import io.sluice.analyzers.stats.StreamStats;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Evaluates every rule against the analyzers' {@link StreamStats} each {@link AlertEngineOptions#evaluationInterval},
 * keeps one {@link AlertInstance} per (rule, key) that is pending or firing, and tells the {@link AlertListener} about
 * every transition and every re-send.
 *
 * <p>Thread contract: {@link #start} runs evaluations on one thread of its own ("sluice-alerts"); the listener is
 * called there (and, before {@code start} or after {@code stop}, on the thread calling {@link #evaluate} or
 * {@link #replaceRules}). Queries ({@link #active}, {@link #recent}, {@link #rules}) may be called from any thread
 * and return immutable snapshots; they wait for an evaluation in progress. {@link #replaceRules} validates on the
 * calling thread, then swaps on the engine thread.
 */
public final class AlertEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AlertEngine.class.getName());
    private static final Comparator<AlertInstance> ORDER = Comparator.comparing(AlertInstance::ruleName)
        .thenComparing(AlertInstance::key);

    private final StreamStats stats;
    private final AlertListener listener;
    private final AlertEngineOptions options;
    private final AlertFunctions functions;
    private final Clock clock;
    private final Object lock = new Object();
    private final AtomicLong evaluationFailures = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();
    private volatile Thread engineThread;
    /** Guarded by {@code lock}, as is everything below. */
    private List<CompiledRule> rules;
    private final Map<String, Map<String, AlertInstance>> instances = new HashMap<>();
    private final RecentAlerts history;
    private ScheduledExecutorService executor;

    /** With the built-in functions and the system clock. */
    public AlertEngine(StreamStats stats, List<AlertRule> rules, AlertListener listener, AlertEngineOptions options) {
        this(stats, rules, listener, options, AlertFunctions.builtins(), Clock.systemUTC());
    }

    /** @throws InvalidRuleException when {@code rules} do not validate with {@code functions} */
    public AlertEngine(StreamStats stats, List<AlertRule> rules, AlertListener listener, AlertEngineOptions options,
                       AlertFunctions functions, Clock clock) {
        this.stats = Objects.requireNonNull(stats);
        this.listener = Objects.requireNonNull(listener);
        this.options = Objects.requireNonNull(options);
        this.functions = Objects.requireNonNull(functions);
        this.clock = Objects.requireNonNull(clock);
        this.rules = AlertRules.compile(rules, functions);
        this.history = new RecentAlerts(options.historySize());
    }

    /** Starts evaluating every evaluation interval on the engine's own thread. */
    public void start() {
        synchronized (lock) {
            if (executor != null) {
                throw new IllegalStateException("already started");
            }
            executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "sluice-alerts");
                thread.setDaemon(true);
                engineThread = thread;
                return thread;
            });
            long periodMs = options.evaluationInterval().toMillis();
            executor.scheduleWithFixedDelay(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops evaluating (waits up to 5 s for an evaluation in progress). Alerts are left as they are: a restarted
     * engine finds them again, and Alertmanager expires what is no longer re-sent.
     */
    public void stop() {
        ScheduledExecutorService running;
        synchronized (lock) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** One evaluation of every rule as of {@code now} (the scheduler calls it; tests call it with a fake clock). */
    public void evaluate(Instant now) {
        synchronized (lock) {
            for (CompiledRule rule : rules) {
                evaluateRule(rule, now);
            }
        }
    }

    /**
     * Validates {@code newRules} and swaps them in. A rule name that survives keeps its instances' state (pending
     * since, firing since); firing alerts of removed rules are resolved and notified; pending ones are dropped.
     *
     * @throws InvalidRuleException when the set does not validate; the old rules stay
     */
    public void replaceRules(List<AlertRule> newRules) {
        List<CompiledRule> compiled = AlertRules.compile(newRules, functions);
        ScheduledExecutorService running;
        synchronized (lock) {
            running = executor;
        }
        Runnable swap = () -> swapRules(compiled, clock.instant());
        if (running == null || Thread.currentThread() == engineThread) {
            swap.run();
            return;
        }
        try {
            running.submit(swap).get();  // notifications of removed rules then come from the engine thread too
        } catch (ExecutionException e) {
            throw new IllegalStateException("rule swap failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while swapping rules", e);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            swap.run();  // stopped meanwhile
        }
    }

    /** Pending and firing alerts, by rule name then key. */
    public List<Alert> active() {
        synchronized (lock) {
            List<AlertInstance> all = new ArrayList<>();
            instances.values().forEach(byKey -> all.addAll(byKey.values()));
            all.sort(ORDER);
            List<Alert> alerts = new ArrayList<>(all.size());
            all.forEach(instance -> alerts.add(instance.toAlert()));
            return List.copyOf(alerts);
        }
    }

    /** Up to {@code max} resolved alerts, newest first (the engine keeps {@link AlertEngineOptions#historySize}). */
    public List<Alert> recent(int max) {
        synchronized (lock) {
            return history.newest(max);
        }
    }

    /** The rules in force, with their effective {@code for}. */
    public List<AlertRule> rules() {
        synchronized (lock) {
            List<AlertRule> list = new ArrayList<>(rules.size());
            rules.forEach(compiled -> list.add(compiled.rule()));
            return List.copyOf(list);
        }
    }

    /** Evaluations of one rule that threw (the analyzers failed); the rule's alerts keep their state meanwhile. */
    public long evaluationFailures() {
        return evaluationFailures.get();
    }

    /** Listener calls that threw (the alert's state moved on regardless). */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    /** The scheduled evaluation: a scheduled task that throws is never run again, so nothing may escape. */
    private void tick() {
        try {
            evaluate(clock.instant());
        } catch (RuntimeException e) {
            evaluationFailures.incrementAndGet();
            LOG.log(System.Logger.Level.ERROR, "alert evaluation failed", e);
        }
    }

    private void evaluateRule(CompiledRule rule, Instant now) {
        Map<String, AlertInstance> byKey = instances.computeIfAbsent(rule.name(), name -> new HashMap<>());
        Set<String> reported = new HashSet<>();
        try {
            rule.expression().query().evaluate(stats, (key, value) -> {
                reported.add(key);
                boolean holds = rule.expression().holds(value);
                AlertInstance instance = byKey.get(key);
                if (instance == null && holds) {
                    instance = new AlertInstance(rule, key);
                    byKey.put(key, instance);
                }
                if (instance != null) {
                    step(byKey, instance, holds, value, now);
                }
            });
        } catch (RuntimeException e) {
            // keys not reported this time are unknown, not false: leave their state until the next evaluation
            evaluationFailures.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "alert rule " + rule.name() + " could not be evaluated", e);
            return;
        }
        for (AlertInstance instance : new ArrayList<>(byKey.values())) {
            if (!reported.contains(instance.key())) {
                step(byKey, instance, false, Double.NaN, now);  // the key is gone: no data is not a holding condition
            }
        }
    }

    private void step(Map<String, AlertInstance> byKey, AlertInstance instance, boolean holds, double value,
                      Instant now) {
        switch (instance.observe(holds, value, now, options.resendInterval())) {
            case PENDING, FIRING -> notifyListener(instance.toAlert(), true);
            case RESEND -> notifyListener(instance.toAlert(), false);
            case RESOLVED -> {
                byKey.remove(instance.key());
                remember(instance.toAlert());
            }
            case DROPPED -> byKey.remove(instance.key());
            case NONE -> {
            }
        }
    }

    private void swapRules(List<CompiledRule> compiled, Instant now) {
        synchronized (lock) {
            Map<String, CompiledRule> byName = new HashMap<>();
            compiled.forEach(rule -> byName.put(rule.name(), rule));
            Iterator<Map.Entry<String, Map<String, AlertInstance>>> it = instances.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Map<String, AlertInstance>> entry = it.next();
                CompiledRule survivor = byName.get(entry.getKey());
                for (AlertInstance instance : entry.getValue().values()) {
                    if (survivor != null) {
                        rebind(instance, survivor, now);
                    } else if (instance.resolveNow(now)) {
                        remember(instance.toAlert());
                    }
                }
                if (survivor == null) {
                    it.remove();
                }
            }
            rules = compiled;
        }
    }

    /**
     * Moves an instance to its reloaded rule. A firing alert whose labels changed has a new fingerprint: receivers
     * are told the old identity resolved and the new one fires, rather than left with an orphan until it expires.
     */
    private void rebind(AlertInstance instance, CompiledRule survivor, Instant now) {
        Alert before = instance.toAlert();
        instance.rebind(survivor);
        if (instance.state() == AlertState.FIRING && !before.fingerprint().equals(instance.fingerprint())) {
            notifyListener(new Alert(before.rule(), before.fingerprint(), AlertState.RESOLVED, before.severity(),
                before.labels(), before.annotations(), before.value(), before.activeSince(), before.firedAt(), now),
                true);
            notifyListener(instance.toAlert(), true);
        }
    }

    /** Records a resolved alert in the bounded history and tells the listener. */
    private void remember(Alert resolved) {
        history.add(resolved);
        notifyListener(resolved, true);
    }

    private void notifyListener(Alert alert, boolean transition) {
        try {
            listener.onAlert(alert, transition);
        } catch (RuntimeException e) {
            listenerFailures.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "alert listener failed on " + alert.rule() + " " + alert.state(), e);
        }
    }
}
