package io.sluice.ingest.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body with the limits applied as bytes arrive (never buffering more than the limit), then gunzips
 * it when {@code Content-Encoding: gzip}, stopping at the decompressed limit. Fails with {@link IngestRejection}
 * (413, 415, 400) so the caller answers with a reason, or with {@link BodyBudget.Exhausted} (503) when the bytes it
 * would hold (the declared or received body, then its gunzipped form) do not fit the request's {@code hold}.
 */
final class RequestBodyReader {
    private RequestBodyReader() {
    }

    static Future<Buffer> read(HttpServerRequest request, HttpIngestSettings settings, BodyBudget.Hold hold) {
        String length = request.getHeader("content-length");
        long declared = length == null ? 0 : Math.max(0, parseLong(length));
        if (declared > settings.maxBodyBytes()) {
            return Future.failedFuture(tooLarge("body", settings.maxBodyBytes()));
        }
        if (!hold.take(declared)) { // before a byte is read or a buffer allocated
            return Future.failedFuture(overBudget(settings));
        }
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer(length == null ? 4096 : (int) declared);
        request.handler(chunk -> {
            long total = (long) body.length() + chunk.length();
            if (total > settings.maxBodyBytes()) {
                request.handler(null);
                done.tryFail(tooLarge("body", settings.maxBodyBytes()));
            } else if (total > hold.held() && !hold.take(total - hold.held())) { // undeclared (chunked) bytes
                request.handler(null);
                done.tryFail(overBudget(settings));
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(done::tryFail);
        request.endHandler(ignored -> {
            if (!done.future().isComplete()) {
                decode(request.getHeader("content-encoding"), body, settings, hold, done);
            }
        });
        request.resume();
        return done.future();
    }

    private static void decode(String encoding, Buffer body, HttpIngestSettings settings, BodyBudget.Hold hold,
                               Promise<Buffer> done) {
        String coding = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
        switch (coding) {
            case "identity", "" -> done.complete(body);
            case "gzip", "x-gzip" -> {
                try {
                    Buffer inflated = gunzip(body.getBytes(), settings.maxDecompressedBytes());
                    if (hold.take(inflated.length())) {
                        done.complete(inflated);
                    } else {
                        done.fail(overBudget(settings));
                    }
                } catch (IngestRejection e) {
                    done.fail(e);
                }
            }
            default -> done.fail(new IngestRejection(415, "unsupported content-encoding '" + encoding
                + "': send identity or gzip"));
        }
    }

    /** Gunzips with a hard cap on the output, so a small bomb cannot inflate into the heap. */
    static Buffer gunzip(byte[] gz, int maxBytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(1024, gz.length * 4)));
            byte[] chunk = new byte[64 * 1024];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge("decompressed body", maxBytes);
                }
                out.write(chunk, 0, n);
            }
            return Buffer.buffer(out.toByteArray());
        } catch (ZipException | EOFException e) {
            throw new IngestRejection(400, "body is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            throw new IngestRejection(400, "cannot gunzip body: " + e.getMessage());
        }
    }

    private static BodyBudget.Exhausted overBudget(HttpIngestSettings settings) {
        return new BodyBudget.Exhausted(settings.maxInflightBodyBytes());
    }

    private static IngestRejection tooLarge(String what, int limit) {
        return new IngestRejection(413, what + " larger than the limit of " + limit + " bytes");
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
