package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.SecurityAction.AUTH_FAILURE;
import static io.sluice.analyzers.security.SecurityAction.AUTH_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.analyzers.security.AttackKind;
import org.junit.jupiter.api.Test;

class EcsJsonMatcherTest {
    @Test
    void shouldReadNestedEcsAuthenticationFailures() {
        Recognized r = Recognized.attributes("login failed", "{\"event\":{\"category\":[\"authentication\"],"
            + "\"action\":\"user_login\",\"outcome\":\"failure\"},\"source\":{\"ip\":\"198.51.100.77\",\"port\":5123},"
            + "\"user\":{\"name\":\"alice\"}}");
        assertEquals(new Recognized(AUTH_FAILURE, "198.51.100.77", "alice", -1, -1, AttackKind.NONE), r);
    }

    @Test
    void shouldReadDottedKeysAndSuccesses() {
        Recognized r = Recognized.attributes("ok", "{\"event.category\":\"authentication\",\"event.outcome\":\"success\","
            + "\"source.ip\":\"2001:db8::5\",\"user.name\":\"bob\"}");
        assertEquals(new Recognized(AUTH_SUCCESS, "2001:db8::5", "bob", -1, -1, AttackKind.NONE), r);
    }

    @Test
    void shouldAcceptALoginActionWithoutACategory() {
        Recognized r = Recognized.attributes("x", "{\"event\":{\"action\":\"logon-failed\",\"outcome\":\"failure\"},"
            + "\"client\":{\"ip\":\"192.0.2.3\"}}");
        assertEquals(new Recognized(AUTH_FAILURE, "192.0.2.3", null, -1, -1, AttackKind.NONE), r);
    }

    @Test
    void shouldIgnoreEventsThatAreNotAuthenticationsOrHaveNoOutcome() {
        assertNull(Recognized.attributes("x", "{\"event\":{\"category\":[\"network\"],\"action\":\"flow\","
            + "\"outcome\":\"failure\"},\"source\":{\"ip\":\"192.0.2.3\"}}"));
        assertNull(Recognized.attributes("x", "{\"event\":{\"category\":[\"authentication\"]},\"source\":{\"ip\":"
            + "\"192.0.2.3\"}}"));
        assertNull(Recognized.attributes("x", "{\"http\":{\"status\":200},\"user\":{\"name\":\"authentication\"}}"));
    }
}
