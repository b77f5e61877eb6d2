package io.sluice.analyzers.security.recognize;

import io.sluice.analyzers.scan.AccessLogLine;
import io.sluice.analyzers.scan.ByteClasses;
import io.sluice.analyzers.scan.LineFacts;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;

/**
 * The part of an event the matchers read: the message body and the program that wrote it. Syslog events give both as
 * spans (APP_NAME, MESSAGE). A RAW event (journal short form {@code host sshd[123]: ...}, a web-server log file line)
 * has the whole line as MESSAGE, so the program tag is looked for in its first words and the body starts after it;
 * so is a leading {@code [sshd]:} tag that the syslog grammar could not read as one.
 *
 * <p>Thread contract: a mutable flyweight reloaded per event by its one owning recognizer, together with the
 * {@link LineFacts} of that recognizer's thread; allocation-free.
 */
final class LineView {
    /** {@link #features()} bit: the body holds '=' (key=value: netfilter, audit, PAM). */
    static final int EQUALS = ByteClasses.EQUALS;
    /** {@link #features()} bit: the body holds '[' (fail2ban's {@code [jail] Ban}). */
    static final int BRACKET = ByteClasses.BRACKET;
    /** {@link #features()} bit: the body holds '"' (an access log's request). */
    static final int QUOTE = ByteClasses.QUOTE;
    /** {@link #features()} bit: the body holds ';' (PAM's {@code failure;}, sudo's {@code ; TTY=}). */
    static final int SEMICOLON = ByteClasses.SEMICOLON;
    /** {@link #features()} bit: the body holds {@code client} or {@code remote} (web-server error logs). */
    static final int CLIENT = 1 << 5;
    /** {@link #features()} bit: the body holds {@code sshd} (an sshd line whose tag could not be read). */
    static final int SSHD = 1 << 6;
    private static final int BYTE_FEATURES = EQUALS | BRACKET | QUOTE | SEMICOLON;
    private static final int REMOTE_PAIRS = ByteClasses.PAIR_RE | ByteClasses.PAIR_MO | ByteClasses.PAIR_OT;
    private static final byte[] CLIENT_WORD = AsciiBytes.of("client");
    private static final byte[] REMOTE_WORD = AsciiBytes.of("remote");
    private static final byte[] SSHD_WORD = AsciiBytes.of("sshd");

    /** Words at the start of a line in which a program tag is looked for (journal: {@code host prog[pid]:}). */
    private static final int TAG_WORDS = 3;

    byte[] bytes;
    int from;
    int to;
    int programOffset;
    int programLength;
    private LineFacts facts;
    private int messageFrom = -1;

    /** Points this view at {@code event}'s message and program; {@code facts} are already about {@code event}. */
    void load(LogEvent event, LineFacts facts) {
        this.facts = facts;
        bytes = event.raw();
        messageFrom = -1;
        if (event.has(Field.MESSAGE)) {
            from = event.spanOffset(Field.MESSAGE);
            messageFrom = from;
            to = from + event.spanLength(Field.MESSAGE);
        } else {
            from = 0;
            to = event.has(Field.ATTRIBUTES) ? 0 : event.rawLength();
        }
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\r' || bytes[to - 1] == '\n')) {
            to--;
        }
        programLength = 0;
        if (event.has(Field.APP_NAME)) {
            programOffset = event.spanOffset(Field.APP_NAME);
            programLength = event.spanLength(Field.APP_NAME);
        } else {
            findTag();
        }
    }

    /**
     * Which matcher families could possibly match, so a line from an unknown program (most lines) is dismissed without
     * trying each family. The body's {@link ByteClasses} come from the line facts when this view is the whole MESSAGE
     * span (trimming trailing spaces removes none of those bytes), so the body is read once for every analyzer on the
     * thread; a word is looked for only when the body holds its rarer letter pairs.
     */
    int features() {
        int classes = messageFrom >= 0 && from == messageFrom ? facts.messageClasses()
            : ByteClasses.of(bytes, from, to);
        int features = classes & BYTE_FEATURES;
        if (ByteClasses.has(classes, ByteClasses.PAIR_CL) && AsciiBytes.contains(bytes, from, to, CLIENT_WORD)
            || ByteClasses.has(classes, REMOTE_PAIRS) && AsciiBytes.contains(bytes, from, to, REMOTE_WORD)) {
            features |= CLIENT;
        }
        if (ByteClasses.has(classes, ByteClasses.PAIR_HD) && AsciiBytes.contains(bytes, from, to, SSHD_WORD)) {
            features |= SSHD;
        }
        return features;
    }

    /**
     * Where {@link AccessLogLine#statusIndex} finds the status in {@code [from, to)}, or NONE. The facts' answer for
     * the whole MESSAGE span is the same when this view starts where MESSAGE does (trimming trailing spaces changes
     * no status) or when MESSAGE holds none; a view past a tag read out of a RAW line (rare) is scanned itself.
     */
    int accessLogStatusIndex() {
        if (from == messageFrom) {
            return facts.accessLogStatusIndex();
        }
        if (messageFrom >= 0 && facts.accessLogStatusIndex() == AccessLogLine.NONE) {
            return AccessLogLine.NONE;
        }
        return AccessLogLine.statusIndex(bytes, from, to - from);
    }

    /** True when the program tag starts with {@code prefix}. */
    boolean programStartsWith(byte[] prefix) {
        return programLength >= prefix.length && AsciiBytes.startsWith(bytes, programOffset, programOffset
            + programLength, prefix);
    }

    boolean programIs(byte[] name) {
        return AsciiBytes.equals(bytes, programOffset, programLength, name);
    }

    boolean programContains(byte[] part) {
        return programLength >= part.length && AsciiBytes.contains(bytes, programOffset, programOffset + programLength,
            part);
    }

    /** A word {@code prog:}, {@code prog[pid]:}, {@code [prog]} or {@code [prog]:} among the first words. */
    private void findTag() {
        int wordStart = from;
        for (int word = 0; word < TAG_WORDS && wordStart < to; word++) {
            int wordEnd = AsciiBytes.spaceOrEnd(bytes, wordStart, to);
            if (tagAt(wordStart, wordEnd)) {
                from = AsciiBytes.skipSpaces(bytes, wordEnd, to);
                return;
            }
            wordStart = AsciiBytes.skipSpaces(bytes, wordEnd, to);
        }
    }

    private boolean tagAt(int start, int end) {
        int last = end - 1;
        if (last <= start) {
            return false;
        }
        if (bytes[start] == '[') {
            int close = bytes[last] == ':' ? last - 1 : last;
            return bytes[close] == ']' && setProgram(start + 1, close);
        }
        if (bytes[last] != ':') {
            return false;
        }
        int nameEnd = start;
        while (nameEnd < last && bytes[nameEnd] != '[') {
            nameEnd++;
        }
        if (nameEnd < last && bytes[last - 1] != ']') {
            return false;
        }
        return setProgram(start, nameEnd);
    }

    private boolean setProgram(int start, int end) {
        for (int i = start; i < end; i++) {
            byte c = bytes[i];
            if (!(AsciiBytes.isLetterOrDigit(c) || c == '-' || c == '_' || c == '/' || c == '.' || c == '('
                || c == ')')) {
                return false;
            }
        }
        if (end <= start) {
            return false;
        }
        programOffset = start;
        programLength = end - start;
        return true;
    }
}
