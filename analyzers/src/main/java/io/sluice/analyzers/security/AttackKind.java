package io.sluice.analyzers.security;

/** Which signature a {@link SecurityAction#WEB_ATTACK} matched. */
public enum AttackKind {
    NONE,
    PATH_TRAVERSAL,
    SQL_INJECTION,
    XSS,
    SCANNER_USER_AGENT,
    COMMAND_INJECTION
}
