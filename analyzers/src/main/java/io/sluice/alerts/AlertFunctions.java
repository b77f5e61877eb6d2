package io.sluice.alerts;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The functions rule expressions may call, by name. Immutable: {@link #with} returns a new registry, so one can be
 * shared by the loader and the engine on any threads. The security work adds {@code anomaly(...)} with
 * {@code AlertFunctions.builtins().with("anomaly", detectorFunction)}.
 */
public final class AlertFunctions {
    private static final AlertFunctions BUILTINS = new AlertFunctions(builtinMap());

    private final Map<String, AlertFunction> byName;

    private AlertFunctions(Map<String, AlertFunction> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * {@code error_rate}, {@code error_count}, {@code latency_p50}, {@code latency_p90}, {@code latency_p95},
     * {@code latency_p99}, {@code latency_p999}, {@code latency_max}, {@code throughput}, {@code throughput_bytes}.
     */
    public static AlertFunctions builtins() {
        return BUILTINS;
    }

    /** This registry plus {@code function} under {@code name} (replacing one of that name). */
    public AlertFunctions with(String name, AlertFunction function) {
        if (!AlertRule.isLabelName(name)) {
            throw new IllegalArgumentException("function name '" + name + "' must match [a-zA-Z_][a-zA-Z0-9_]*");
        }
        TreeMap<String, AlertFunction> copy = new TreeMap<>(byName);
        copy.put(name, function);
        return new AlertFunctions(copy);
    }

    /** The function called {@code name}, or null. */
    public AlertFunction get(String name) {
        return byName.get(name);
    }

    /** Every name, sorted (error messages list them). */
    public Set<String> names() {
        return byName.keySet();
    }

    private static Map<String, AlertFunction> builtinMap() {
        TreeMap<String, AlertFunction> map = new TreeMap<>();
        map.put("error_rate", new ErrorRateFunction(false));
        map.put("error_count", new ErrorRateFunction(true));
        map.put("latency_p50", new LatencyFunction(50));
        map.put("latency_p90", new LatencyFunction(90));
        map.put("latency_p95", new LatencyFunction(95));
        map.put("latency_p99", new LatencyFunction(99));
        map.put("latency_p999", new LatencyFunction(99.9));
        map.put("latency_max", new LatencyFunction(100));
        map.put("throughput", new ThroughputFunction(false));
        map.put("throughput_bytes", new ThroughputFunction(true));
        return map;
    }
}
