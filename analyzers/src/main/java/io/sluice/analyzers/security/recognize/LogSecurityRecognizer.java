package io.sluice.analyzers.security.recognize;

import io.sluice.analyzers.scan.LineFacts;
import io.sluice.analyzers.security.SecurityRecognizer;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import java.util.Arrays;

/**
 * The {@link SecurityRecognizer} for log lines: ECS JSON attributes first, then the message by the program that wrote
 * it (APP_NAME, or the tag found in a RAW line): sshd, old-style {@code x(pam_unix)}, sudo/su, the kernel's netfilter
 * lines, web servers (nginx, httpd, apache, haproxy), postfix, dovecot. A line from any other program (or a RAW line
 * without a tag) is read once for the bytes each family needs ({@link LineView#features()}) and tried only against
 * the families that can match: PAM, netfilter, audit, web error log, web access log, fail2ban bans, sshd. Each family
 * is one small matcher; the first that matches fills the signal. Construct with {@code new LogSecurityRecognizer()},
 * or, fused onto one ring thread with other analyzers, with that thread's {@link LineFacts}, so the access-log status
 * they looked for is not looked for again.
 *
 * <p>Which actions count as a failure (what fail2ban would count towards a ban): AUTH_FAILURE, INVALID_USER,
 * PRIVILEGE_FAILURE, PROBE and WEB_ATTACK (see {@link #isFailure}). AUTH_SUCCESS, WEB_REQUEST (403 included) and
 * FIREWALL_HIT are facts for the detectors, not failures.
 *
 * <p>Thread contract: one instance per consumer thread (it keeps a view of the current line and scanner scratch
 * state); no allocation per event; every scan is bounded by the event's spans.
 */
public final class LogSecurityRecognizer implements SecurityRecognizer {
    private static final byte[] SSHD = AsciiBytes.of("sshd");
    private static final byte[] PAM_UNIX = AsciiBytes.of("pam_unix");
    private static final byte[] SUDO = AsciiBytes.of("sudo");
    private static final byte[] SU = AsciiBytes.of("su");
    private static final byte[] KERNEL = AsciiBytes.of("kernel");
    private static final byte[] NGINX = AsciiBytes.of("nginx");
    private static final byte[] HTTPD = AsciiBytes.of("httpd");
    private static final byte[] APACHE = AsciiBytes.of("apache");
    private static final byte[] HAPROXY = AsciiBytes.of("haproxy");
    private static final byte[] POSTFIX = AsciiBytes.of("postfix");
    private static final byte[] DOVECOT = AsciiBytes.of("dovecot");
    private static final byte[] DOVECOT_AUTH = AsciiBytes.of("auth");
    private static final byte[] LOGIN_PROCESS = AsciiBytes.of("-login");

    private static final int FAMILY_ANY = 0;
    private static final int FAMILY_OLD_PAM = 1;
    private static final int FAMILY_SSHD = 2;
    private static final int FAMILY_SUDO_SU = 3;
    private static final int FAMILY_KERNEL = 4;
    private static final int FAMILY_WEB = 5;
    private static final int FAMILY_POSTFIX = 6;
    private static final int FAMILY_DOVECOT = 7;
    /** Longest program name whose family is remembered (longer ones are rare and simply tested each time). */
    private static final int MAX_REMEMBERED_PROGRAM = 64;

    private final LineFacts facts;
    private final LineView line = new LineView();
    private final byte[] lastProgram = new byte[MAX_REMEMBERED_PROGRAM];
    private int lastProgramLength = -1; // none remembered yet
    private int lastFamily;
    private final SshdMatcher sshd = new SshdMatcher();
    private final PamSudoSuMatcher pam = new PamSudoSuMatcher();
    private final FirewallMatcher firewall = new FirewallMatcher();
    private final WebAccessMatcher webAccess = new WebAccessMatcher();
    private final WebErrorLogMatcher webError = new WebErrorLogMatcher();
    private final EcsJsonMatcher ecs = new EcsJsonMatcher();
    private final AuditLogMatcher audit = new AuditLogMatcher();
    private final DovecotMatcher dovecot = new DovecotMatcher();
    private final PostfixMatcher postfix = new PostfixMatcher();
    private final Fail2banBanMatcher fail2ban = new Fail2banBanMatcher();

    /** A recognizer with line facts of its own. */
    public LogSecurityRecognizer() {
        this(new LineFacts());
    }

    /** @param facts this recognizer's thread's, possibly shared with the other analyzers on that thread */
    public LogSecurityRecognizer(LineFacts facts) {
        this.facts = facts;
    }

    @Override
    public boolean recognize(LogEvent event, SecuritySignal out) {
        return recognize(event, facts.fresh(event), out);
    }

    @Override
    public boolean recognize(LogEvent event, long sequence, SecuritySignal out) {
        return recognize(event, facts.of(event, sequence), out);
    }

    private boolean recognize(LogEvent event, LineFacts eventFacts, SecuritySignal out) {
        out.clear();
        if (event.has(Field.ATTRIBUTES)) {
            int offset = event.spanOffset(Field.ATTRIBUTES);
            if (ecs.match(event.raw(), offset, offset + event.spanLength(Field.ATTRIBUTES), out)) {
                return true;
            }
            out.clear();
        }
        line.load(event, eventFacts);
        if (line.to <= line.from) {
            return false;
        }
        if (matchLine(line.bytes, line.from, line.to, out)) {
            return true;
        }
        out.clear();
        return false;
    }

    private boolean matchLine(byte[] b, int from, int to, SecuritySignal out) {
        return switch (programFamily()) {
            // "sshd(pam_unix)[123]:" (old PAM) names the service first
            case FAMILY_OLD_PAM -> pam.match(b, from, to, false, out);
            case FAMILY_SSHD -> sshd.match(b, from, to, clear(out)) || pam.match(b, from, to, false, clear(out));
            case FAMILY_SUDO_SU -> pam.match(b, from, to, true, out);
            case FAMILY_KERNEL -> firewall.match(b, from, to, out);
            // access lines are the bulk of a web server's traffic: try them first
            case FAMILY_WEB -> webAccess.match(b, from, to, line.accessLogStatusIndex(), clear(out))
                || webError.match(b, from, to, clear(out));
            case FAMILY_POSTFIX -> postfix.match(b, from, to, out);
            case FAMILY_DOVECOT -> dovecot.match(b, from, to, clear(out)) || pam.match(b, from, to, false, clear(out));
            default -> anyProgram(b, from, to, out);
        };
    }

    /**
     * Which matchers the line's program calls for. A stream's lines mostly share a program, so the answer for the
     * last program is kept with its bytes and reused when the next line's program is the same bytes: one compare
     * instead of a dozen name tests per line.
     */
    private int programFamily() {
        int length = line.programLength;
        if (length == 0) {
            return FAMILY_ANY; // no program (its offset is then stale)
        }
        int offset = line.programOffset;
        if (length == lastProgramLength
            && Arrays.equals(line.bytes, offset, offset + length, lastProgram, 0, length)) {
            return lastFamily;
        }
        int family = familyOfProgram();
        if (length <= lastProgram.length) {
            System.arraycopy(line.bytes, offset, lastProgram, 0, length);
            lastProgramLength = length;
            lastFamily = family;
        }
        return family;
    }

    private int familyOfProgram() {
        if (line.programContains(PAM_UNIX)) {
            return FAMILY_OLD_PAM;
        }
        if (line.programStartsWith(SSHD)) {
            return FAMILY_SSHD;
        }
        if (line.programIs(SUDO) || line.programIs(SU)) {
            return FAMILY_SUDO_SU;
        }
        if (line.programIs(KERNEL)) {
            return FAMILY_KERNEL;
        }
        if (line.programStartsWith(NGINX) || line.programStartsWith(HTTPD) || line.programStartsWith(APACHE)
            || line.programStartsWith(HAPROXY)) {
            return FAMILY_WEB;
        }
        if (line.programStartsWith(POSTFIX)) {
            return FAMILY_POSTFIX;
        }
        if (line.programStartsWith(DOVECOT) || line.programStartsWith(DOVECOT_AUTH)
            || line.programContains(LOGIN_PROCESS)) {
            return FAMILY_DOVECOT;
        }
        return FAMILY_ANY;
    }

    /** A program we do not know by name (or a RAW line without a tag): the families that identify themselves. */
    private boolean anyProgram(byte[] b, int from, int to, SecuritySignal out) {
        int features = line.features();
        return has(features, LineView.SEMICOLON) && pam.match(b, from, to, false, clear(out))
            || has(features, LineView.EQUALS) && (firewall.match(b, from, to, clear(out))
                || audit.match(b, from, to, clear(out)))
            || has(features, LineView.CLIENT) && webError.match(b, from, to, clear(out))
            || has(features, LineView.QUOTE) && webAccess.match(b, from, to, line.accessLogStatusIndex(), clear(out))
            || has(features, LineView.BRACKET) && fail2ban.match(b, from, to, clear(out))
            || has(features, LineView.SSHD) && sshd.match(b, from, to, clear(out));
    }

    private static boolean has(int features, int bit) {
        return (features & bit) != 0;
    }

    private static SecuritySignal clear(SecuritySignal out) {
        return out.clear();
    }

    /**
     * Whether {@code signal} is a failure in fail2ban's sense (a line that counts towards banning its source):
     * AUTH_FAILURE, INVALID_USER, PRIVILEGE_FAILURE, PROBE, WEB_ATTACK.
     */
    public static boolean isFailure(SecuritySignal signal) {
        if (signal.action() == null) {
            return false;
        }
        switch (signal.action()) {
            case AUTH_FAILURE:
            case INVALID_USER:
            case PRIVILEGE_FAILURE:
            case PROBE:
            case WEB_ATTACK:
                return true;
            default:
                return false;
        }
    }
}
