package io.sluice.ingest.tls;

import io.netty.handler.ssl.OpenSsl;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.SSLEngineOptions;

/**
 * Which TLS implementation a listener uses. OpenSSL (BoringSSL from netty-tcnative) handshakes and encrypts with
 * less CPU than the JDK's engine; the JDK engine needs no native library. Immutable, safe from any thread.
 */
public enum TlsEngine {
    /** OpenSSL when netty-tcnative loads on this machine, else the JDK. */
    AUTO,
    /** OpenSSL or nothing: starting fails where netty-tcnative cannot load. */
    OPENSSL,
    /** The JDK's own engine. */
    JDK;

    /** The engine this choice stands for here: {@link #OPENSSL} or {@link #JDK}, never {@link #AUTO}. */
    public TlsEngine resolve() {
        if (this == AUTO) {
            return OpenSsl.isAvailable() ? OPENSSL : JDK;
        }
        if (this == OPENSSL && !OpenSsl.isAvailable()) {
            throw new IllegalStateException("OpenSSL engine asked for but unavailable: "
                + OpenSsl.unavailabilityCause(), OpenSsl.unavailabilityCause());
        }
        return this;
    }

    /** The Vert.x options selecting this engine; call on a resolved value. */
    SSLEngineOptions options() {
        return this == OPENSSL ? new OpenSSLEngineOptions() : new JdkSSLEngineOptions();
    }

    /** For the startup log: {@code "openssl (BoringSSL)"} or {@code "jdk"}; call on a resolved value. */
    public String describe() {
        return this == OPENSSL ? "openssl (" + OpenSsl.versionString() + ")" : "jdk";
    }
}
