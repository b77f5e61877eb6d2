package io.sluice.analyzers.security.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link LineView#features()} against its definition: which feature bytes and words occur in the view. */
class LineViewFeaturesTest {
    /** Mostly the bytes and words features() looks for: random lines hold them whole, cut short and side by side. */
    private static final String[] PIECES = {"=", "[", "\"", ";", "c", "l", "cl", "client", "clien", "r", "re",
        "remote", "remot", "s", "ss", "sshd", "ssh", "sssshd", "b", "a", " ", "x", "\u00e9"};

    @Test
    void shouldMatchTheDefinitionOnRandomLinesAndViews() {
        SplittableRandom random = new SplittableRandom(42);
        LineView view = new LineView();
        for (int n = 0; n < 200_000; n++) {
            StringBuilder line = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                line.append(PIECES[random.nextInt(random.nextInt(4) == 0 ? PIECES.length : 4 + 16)]);
                if (random.nextInt(3) == 0) {
                    line.append("zzzzzzzzzz", 0, random.nextInt(10));
                }
            }
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            assertFeatures(view, bytes, from, to);
        }
    }

    @Test
    void shouldFindWordsAtEveryPositionAndNotWhenTheViewCutsThem() {
        LineView view = new LineView();
        for (String word : new String[] {"client", "remote", "sshd"}) {
            for (int pad = 0; pad < 20; pad++) {
                byte[] bytes = ("y".repeat(pad) + word + "y".repeat(20 - pad)).getBytes(StandardCharsets.US_ASCII);
                for (int to = 0; to <= bytes.length; to++) {
                    assertFeatures(view, bytes, 0, to);
                }
            }
        }
    }

    private static void assertFeatures(LineView view, byte[] bytes, int from, int to) {
        view.bytes = bytes;
        view.from = from;
        view.to = to;
        assertEquals(byteByByte(bytes, from, to), view.features(),
            () -> "features of '" + new String(bytes, from, to - from, StandardCharsets.UTF_8) + "'");
    }

    /** The definition: each feature byte, and each word starting anywhere in [from, to) and ending by to. */
    private static int byteByByte(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        int f = 0;
        f |= s.indexOf('=') >= 0 ? LineView.EQUALS : 0;
        f |= s.indexOf('[') >= 0 ? LineView.BRACKET : 0;
        f |= s.indexOf('"') >= 0 ? LineView.QUOTE : 0;
        f |= s.indexOf(';') >= 0 ? LineView.SEMICOLON : 0;
        f |= s.contains("client") || s.contains("remote") ? LineView.CLIENT : 0;
        f |= s.contains("sshd") ? LineView.SSHD : 0;
        return f;
    }
}
