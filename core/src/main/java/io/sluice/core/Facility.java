package io.sluice.core;

/** Syslog facility keywords (RFC 5424 section 6.2.1, names as syslog.conf spells them). */
public final class Facility {
    /** Stored in an event whose facility is not known (a raw line without a PRI). */
    public static final int UNKNOWN = -1;
    /** The facility RFC 3164 section 4.3.3 tells a relay to assume when a message has no PRI: user. */
    public static final int USER = 1;

    private static final String[] KEYWORDS = {
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5",
        "local6", "local7"
    };

    private Facility() {
    }

    public static String keywordOf(int code) {
        return code >= 0 && code < KEYWORDS.length ? KEYWORDS[code] : "unknown";
    }
}
