/**
 * Security recognition of log lines at byte level: {@link io.sluice.analyzers.security.recognize.LogSecurityRecognizer}
 * turns one parsed {@link io.sluice.core.LogEvent} into one
 * {@link io.sluice.analyzers.security.SecuritySignal} (action, source address, user, destination port, HTTP status,
 * attack kind), all spans into the event's own bytes.
 *
 * <pre>
 *   LogEvent ──► LogSecurityRecognizer
 *                 ├─ ATTRIBUTES (JSON) ─► EcsJsonMatcher
 *                 └─ LineView (MESSAGE + program: APP_NAME, or the tag of a RAW line)
 *                      ├─ sshd*            ─► SshdMatcher (+ SshLoginLine) ─► PamSudoSuMatcher
 *                      ├─ sudo / su / *(pam_unix) ─► PamSudoSuMatcher
 *                      ├─ kernel           ─► FirewallMatcher
 *                      ├─ nginx/httpd/apache/haproxy ─► WebAccessMatcher (+ WebAttackSignatures) ─► WebErrorLogMatcher
 *                      ├─ postfix*         ─► PostfixMatcher
 *                      ├─ dovecot/auth/*-login ─► DovecotMatcher ─► PamSudoSuMatcher
 *                      └─ anything else: one pass (LineView.features) picks which of PAM, netfilter, audit,
 *                         web error/access, fail2ban bans, sshd can match at all
 * </pre>
 *
 * No regex, no String, no allocation per event; every search is bounded by the event's spans. Addresses are kept
 * exactly as written (fail2ban's ground truth compares them literally); a line whose address was written in an
 * earlier line of the same session is not recognized (the signal only holds spans of the current event). Ground
 * truth: {@code Fail2banGroundTruthTest} (fail2ban's annotated samples), cost: {@code SecurityRecognizerBenchmark}.
 */
package io.sluice.analyzers.security.recognize;
