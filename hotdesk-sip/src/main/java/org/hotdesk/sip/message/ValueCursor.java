package org.hotdesk.sip.message;

/**
 * Reads one header value left to right (RFC 3261 §25.1 basic rules). Folding was joined by the parser, so
 * linear white space here is only SP and HT. Every failure names the header being read.
 */
final class ValueCursor {
    private final String header;
    private final String text;
    private int pos;

    ValueCursor(String header, String text) {
        this.header = header;
        this.text = text;
    }

    ValueCursor(String header, String text, int start) {
        this(header, text);
        this.pos = start;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    int position() {
        return pos;
    }

    String text() {
        return text;
    }

    /** The next character, or -1 at the end. */
    int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    void skip(int n) {
        pos += n;
    }

    /** SWS: any run of SP and HT, possibly none. */
    void skipLws() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t') return;
            pos++;
        }
    }

    boolean tryConsume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        if (!tryConsume(c)) throw error("expected " + what + describeNext());
    }

    /** 1*token-char; {@code what} names the element in the error. */
    String token(String what) {
        int start = pos;
        while (pos < text.length() && Token.isTokenChar(text.charAt(pos))) pos++;
        if (pos == start) throw error("expected " + what + describeNext());
        return text.substring(start, pos);
    }

    /** A quoted-string (RFC 3261 §25.1) returned as written, quotes and backslashes included. */
    String quotedString() {
        int start = pos;
        expect('"', "opening quote");
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos >= text.length()) break;
                pos++;
            } else if (c == '"') {
                return text.substring(start, pos);
            }
        }
        throw error("unterminated quoted string");
    }

    /**
     * A parameter value that is not quoted: a token, or a host (an IPv6 address in a received parameter has
     * colons). It ends at the next separator of the header's grammar.
     */
    String bareValue(String paramName) {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ';' || c == ',' || c == ' ' || c == '\t' || c == '"' || c == '<' || c == '>' || c < 0x20) break;
            pos++;
        }
        if (pos == start) throw error("parameter " + paramName + " has an empty value");
        return text.substring(start, pos);
    }

    MalformedHeaderException error(String detail) {
        return new MalformedHeaderException(header, detail);
    }

    private String describeNext() {
        if (atEnd()) return " at the end";
        char c = text.charAt(pos);
        return c < 0x20 || c > 0x7e ? " at position " + pos : " at '" + c + "'";
    }

    /** The value of a quoted-string without its quotes and with its quoted-pairs resolved. */
    static String unquote(String quoted) {
        if (quoted.length() < 2 || quoted.charAt(0) != '"') return quoted;
        StringBuilder sb = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) c = quoted.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }
}
