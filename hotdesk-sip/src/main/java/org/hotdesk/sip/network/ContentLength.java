package org.hotdesk.sip.network;

import io.netty.buffer.ByteBuf;

/**
 * The Content-Length of a message on a stream, read from its header block, or why it cannot be had. On a stream
 * it is the only way to find where a message ends (RFC 3261 §18.3, §20.14): missing, several, or not a number,
 * the stream can no longer be framed (RFC 4475 §3.1.2.3 sends a negative one). Header names are case-insensitive,
 * "l" is the compact form (§7.3.3), and whitespace may stand before the colon (§7.3.1).
 *
 * @param value   the length, when problem is null
 * @param problem why the stream cannot be framed, or null
 */
record ContentLength(int value, String problem) {
    private static final String NONE = "no Content-Length";

    private static final byte[] LONG_NAME = "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    boolean valid() {
        return problem == null;
    }

    /** No Content-Length header at all (an RFC 2543 sender). */
    boolean missing() {
        return value == -1 && NONE.equals(problem);
    }

    /**
     * @param from index of the first byte of the message (the start-line) in headers
     * @param to   index just past the blank line that ends the header block
     */
    static ContentLength in(ByteBuf headers, int from, int to) {
        int found = 0;
        int value = -1;
        String problem = null;
        int line = nextLine(headers, from, to); // the start-line is no header
        while (line < to) {
            int end = nextLine(headers, line, to);
            int lineEnd = end;
            while (lineEnd > line && isEol(headers.getByte(lineEnd - 1))) lineEnd--;
            byte first = headers.getByte(line);
            if (lineEnd > line && first != ' ' && first != '\t') { // a line that starts with LWS continues the one above
                int colon = indexOf(headers, line, lineEnd, (byte) ':');
                if (colon > 0 && isContentLength(headers, line, colon)) {
                    found++;
                    value = number(headers, colon + 1, lineEnd);
                    if (value < 0) problem = "Content-Length is not a number";
                }
            }
            line = end;
        }
        if (found == 0) return new ContentLength(-1, NONE);
        if (found > 1) return new ContentLength(-1, "several Content-Length headers");
        return problem == null ? new ContentLength(value, null) : new ContentLength(-1, problem);
    }

    /** Index just past the LF that ends the line starting at from, or to. */
    private static int nextLine(ByteBuf buf, int from, int to) {
        int lf = indexOf(buf, from, to, (byte) '\n');
        return lf < 0 ? to : lf + 1;
    }

    private static int indexOf(ByteBuf buf, int from, int to, byte wanted) {
        return from >= to ? -1 : buf.indexOf(from, to, wanted);
    }

    private static boolean isEol(byte b) {
        return b == '\r' || b == '\n';
    }

    private static boolean isContentLength(ByteBuf buf, int from, int colon) {
        int end = colon;
        while (end > from && (buf.getByte(end - 1) == ' ' || buf.getByte(end - 1) == '\t')) end--;
        int length = end - from;
        if (length == 1) return lower(buf.getByte(from)) == 'l';
        if (length != LONG_NAME.length) return false;
        for (int i = 0; i < length; i++) {
            if (lower(buf.getByte(from + i)) != LONG_NAME[i]) return false;
        }
        return true;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    /** The decimal number between from and to, blanks around it allowed; -1 if it is none or beyond 9 digits. */
    private static int number(ByteBuf buf, int from, int to) {
        while (from < to && (buf.getByte(from) == ' ' || buf.getByte(from) == '\t')) from++;
        while (to > from && (buf.getByte(to - 1) == ' ' || buf.getByte(to - 1) == '\t')) to--;
        if (from == to || to - from > 9) return -1;
        int value = 0;
        for (int i = from; i < to; i++) {
            byte b = buf.getByte(i);
            if (b < '0' || b > '9') return -1;
            value = value * 10 + (b - '0');
        }
        return value;
    }
}
