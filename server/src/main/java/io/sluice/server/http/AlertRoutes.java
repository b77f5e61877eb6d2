package io.sluice.server.http;

import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertEngine;
import io.sluice.alerts.AlertRule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * {@code GET /api/alerts} (active and recent alerts), {@code GET /api/rules} and {@code POST /api/rules/reload}
 * (re-read the rules from the config file; a bad file keeps the running rules and answers 400 with the reason).
 */
final class AlertRoutes {
    private static final int RECENT = 100;

    private final AlertEngine engine;
    private final Supplier<String> reloadRules;

    AlertRoutes(AlertEngine engine, Supplier<String> reloadRules) {
        this.engine = engine;
        this.reloadRules = reloadRules;
    }

    void mount(Router router) {
        router.get("/api/alerts").handler(this::alerts);
        router.get("/api/rules").handler(this::rules);
        router.post("/api/rules/reload").handler(this::reload);
    }

    private void alerts(RoutingContext ctx) {
        JsonArray active = new JsonArray();
        engine.active().forEach(a -> active.add(json(a)));
        JsonArray recent = new JsonArray();
        engine.recent(RECENT).forEach(a -> recent.add(json(a)));
        HttpApi.json(ctx.response(), new JsonObject().put("active", active).put("recent", recent));
    }

    private void rules(RoutingContext ctx) {
        JsonArray rules = new JsonArray();
        for (AlertRule rule : engine.rules()) {
            rules.add(new JsonObject()
                .put("name", rule.name())
                .put("expr", rule.expr())
                .put("for", rule.forDuration().toString())
                .put("keepFiringFor", rule.keepFiringFor().toString())
                .put("severity", rule.severity())
                .put("labels", new JsonObject(new java.util.LinkedHashMap<>(rule.labels())))
                .put("annotations", new JsonObject(new java.util.LinkedHashMap<>(rule.annotations()))));
        }
        HttpApi.json(ctx.response(), new JsonObject().put("rules", rules));
    }

    /** Reading and validating a small YAML file: quick, but off the event loop all the same. */
    private void reload(RoutingContext ctx) {
        ctx.vertx().<String>executeBlocking(reloadRules::get, false)
            .onSuccess(message -> HttpApi.json(ctx.response(), new JsonObject().put("status", "reloaded")
                .put("message", message)))
            .onFailure(error -> HttpApi.error(ctx.response(), 400, error.getMessage()));
    }

    static JsonObject json(Alert a) {
        return new JsonObject()
            .put("rule", a.rule())
            .put("fingerprint", a.fingerprint())
            .put("state", a.state().name().toLowerCase(java.util.Locale.ROOT))
            .put("severity", a.severity())
            .put("value", Double.isFinite(a.value()) ? a.value() : null)
            .put("labels", new JsonObject(new java.util.LinkedHashMap<>(a.labels())))
            .put("annotations", new JsonObject(new java.util.LinkedHashMap<>(a.annotations())))
            .put("activeSince", text(a.activeSince()))
            .put("firedAt", text(a.firedAt()))
            .put("resolvedAt", text(a.resolvedAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
