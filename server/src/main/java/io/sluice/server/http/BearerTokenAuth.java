package io.sluice.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Optional bearer-token check in front of every route but {@code /health}: {@code Authorization: Bearer <token>}
 * must match one of the configured tokens, else 401 with a JSON reason. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual} (constant time, and equal length whatever the token), and every configured token is
 * compared, so timing tells nothing about which one nearly matched.
 */
public final class BearerTokenAuth implements Handler<RoutingContext> {
    private static final String PREFIX = "bearer ";

    private final List<byte[]> tokenDigests;
    private final LongAdder rejected = new LongAdder();

    public BearerTokenAuth(List<String> tokens) {
        List<byte[]> digests = new ArrayList<>();
        for (String token : tokens) {
            digests.add(sha256(token));
        }
        this.tokenDigests = List.copyOf(digests);
    }

    public boolean enabled() {
        return !tokenDigests.isEmpty();
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!enabled() || "/health".equals(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("authorization");
        if (header == null || header.length() <= PREFIX.length()
            || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            reject(ctx, "missing bearer token: send 'Authorization: Bearer <token>'");
            return;
        }
        byte[] presented = sha256(header.substring(PREFIX.length()).trim());
        boolean match = false;
        for (byte[] digest : tokenDigests) {
            match |= MessageDigest.isEqual(digest, presented);
        }
        if (match) {
            ctx.next();
        } else {
            reject(ctx, "invalid bearer token");
        }
    }

    /** Requests refused with 401, for {@code sluice_http_unauthorized_total}. */
    public long rejected() {
        return rejected.sum();
    }

    private void reject(RoutingContext ctx, String reason) {
        rejected.increment();
        ctx.response().putHeader("www-authenticate", "Bearer realm=\"sluice\"");
        HttpApi.error(ctx.response(), 401, reason);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
