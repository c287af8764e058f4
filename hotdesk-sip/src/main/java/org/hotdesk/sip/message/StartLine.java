package org.hotdesk.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * The first line of a message (RFC 3261 §7.1, §7.2): {@code Method SP Request-URI SP SIP-Version} or
 * {@code SIP-Version SP Status-Code SP Reason-Phrase}. The separators are exactly one SP each: RFC 4475
 * §3.1.2.8 (LWS inside the Request-URI), §3.1.2.9 (several SP) and §3.1.2.10 (trailing SP) are malformed.
 *
 * <p>A request line with a problem still yields its method, URI and version when it has three parts or
 * more, so that a 400 can be answered; {@code readable} says whether it did.
 */
record StartLine(boolean isRequest, String method, String uri, String version, int status, String reason,
                 String problem, boolean readable) {

    static StartLine parse(byte[] data, int from, int to) {
        if (to - from >= 4 && (data[from] | 0x20) == 's' && (data[from + 1] | 0x20) == 'i' && (data[from + 2] | 0x20) == 'p'
                && data[from + 3] == '/') {
            return statusLine(data, from, to);
        }
        return requestLine(data, from, to);
    }

    private static StartLine statusLine(byte[] data, int from, int to) {
        int sp = indexOf(data, from, to, (byte) ' ');
        if (sp < 0) return badResponse("status line without a status code");
        String version = ascii(data, from, sp);
        int codeStart = sp + 1;
        int codeEnd = codeStart;
        while (codeEnd < to && data[codeEnd] >= '0' && data[codeEnd] <= '9') codeEnd++;
        if (codeEnd - codeStart != 3 || (codeEnd < to && data[codeEnd] != ' ')) {
            return badResponse("bad status code in '" + SipUri.clip(ascii(data, from, to)) + "'");
        }
        int status = (data[codeStart] - '0') * 100 + (data[codeStart + 1] - '0') * 10 + (data[codeStart + 2] - '0');
        if (status < 100) return badResponse("status code " + status + " below 100");
        if (!validVersion(version)) return badResponse("bad SIP version '" + SipUri.clip(version) + "'");
        // the reason may be empty (RFC 4475 §3.1.1.13) and may be UTF-8 (§3.1.1.12)
        String reason = codeEnd < to ? new String(data, codeEnd + 1, to - codeEnd - 1, StandardCharsets.UTF_8) : "";
        return new StartLine(false, null, null, version, status, reason, null, true);
    }

    private static StartLine badResponse(String problem) {
        return new StartLine(false, null, null, null, 0, null, problem, false);
    }

    private static StartLine requestLine(byte[] data, int from, int to) {
        // one pass: the words of the line and whether every separator is exactly one SP
        int words = 0;
        int firstEnd = -1;
        int secondStart = -1;
        int lastStart = -1;
        int lastEnd = -1;
        boolean singleSpaces = from < to && !isWs(data[from]);
        int i = from;
        while (i < to) {
            int gap = i;
            while (i < to && isWs(data[i])) i++;
            if (i == to) {
                singleSpaces = false;
                break;
            }
            if (words > 0 && (i - gap != 1 || data[gap] != ' ')) singleSpaces = false;
            int start = i;
            while (i < to && !isWs(data[i])) i++;
            if (words == 0) firstEnd = i;
            if (words == 1) secondStart = start;
            lastStart = start;
            lastEnd = i;
            words++;
        }
        if (words < 3) {
            return new StartLine(true, null, null, null, 0, null, "request line without method, URI and version", false);
        }
        String method = ascii(data, firstStart(data, from), firstEnd);
        String version = ascii(data, lastStart, lastEnd);
        int uriEnd = lastStart;
        while (uriEnd > secondStart && isWs(data[uriEnd - 1])) uriEnd--;
        String uri = ascii(data, secondStart, uriEnd);
        String problem = null;
        if (!Token.isToken(method)) {
            problem = "method is not a token";
        } else if (words > 3) {
            problem = "whitespace inside the Request-URI";
        } else if (uri.startsWith("<")) {
            problem = "Request-URI enclosed in <>";
        } else if (!validVersion(version)) {
            problem = "bad SIP version '" + SipUri.clip(version) + "'";
        } else if (!singleSpaces) {
            problem = "request line separators must be single spaces";
        }
        return new StartLine(true, method, uri, version, 0, null, problem, Token.isToken(method));
    }

    private static int firstStart(byte[] data, int from) {
        while (isWs(data[from])) from++;
        return from;
    }

    private static boolean isWs(byte b) {
        return b == ' ' || b == '\t';
    }

    /** {@code "SIP" "/" 1*DIGIT "." 1*DIGIT} (§25.1); "SIP" in any case. Versions other than 2.0 are the UAS's to refuse (505). */
    private static boolean validVersion(String v) {
        if (v.length() < 7 || !v.regionMatches(true, 0, "SIP/", 0, 4)) return false;
        int dot = v.indexOf('.', 4);
        if (dot <= 4 || dot == v.length() - 1) return false;
        for (int i = 4; i < v.length(); i++) {
            char c = v.charAt(i);
            if (i != dot && (c < '0' || c > '9')) return false;
        }
        return true;
    }

    private static int indexOf(byte[] data, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) return i;
        }
        return -1;
    }

    private static String ascii(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
