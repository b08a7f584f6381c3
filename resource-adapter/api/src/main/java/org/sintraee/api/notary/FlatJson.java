package org.sintraee.api.notary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the one-level JSON objects of the notary's answers (string and integer
 * members only), so that the client needs nothing beyond the JDK. Anything else is refused
 * with a message naming the position.
 */
final class FlatJson {
    /** Bound on an answer: a receipt is well under 2 KB. */
    static final int MAX_CHARS = 64 * 1024;

    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    /** Members in order; values are String or Long. */
    static Map<String, Object> parse(String json) {
        if (json == null || json.length() > MAX_CHARS) {
            throw new IllegalArgumentException("notary answer: missing or longer than " + MAX_CHARS + " characters");
        }
        FlatJson p = new FlatJson(json);
        Map<String, Object> members = new LinkedHashMap<>();
        p.expect('{');
        if (!p.consume('}')) {
            do {
                String name = p.string();
                p.expect(':');
                Object value = p.peek() == '"' ? p.string() : p.integer();
                if (members.put(name, value) != null) {
                    throw new IllegalArgumentException("notary answer: member \"" + name + "\" twice");
                }
            } while (p.consume(','));
            p.expect('}');
        }
        p.skipSpace();
        if (p.i != json.length()) {
            throw p.error("trailing characters");
        }
        return members;
    }

    /** Writes members whose values are String (escaped where JSON needs it) or Number. */
    static String write(Map<String, ?> members) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, ?> m : members.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            quote(b, m.getKey()).append(':');
            if (m.getValue() instanceof Number n) {
                b.append(n.longValue());
            } else {
                quote(b, String.valueOf(m.getValue()));
            }
        }
        return b.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder b, String v) {
        b.append('"');
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    break;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            } else {
                b.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Long integer() {
        int start = i;
        if (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        try {
            return Long.parseLong(s.substring(start, i));
        } catch (NumberFormatException e) {
            throw error("expected a string or an integer");
        }
    }

    private char peek() {
        skipSpace();
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(i);
    }

    private boolean consume(char c) {
        if (peek() == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("notary answer: " + what + " at character " + i);
    }
}
