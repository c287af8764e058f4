package org.hotdesk.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads one whole message (a UDP datagram, or a frame the transport cut from a stream) in one pass over its
 * bytes (RFC 3261 §7, §18.3). Header values are kept as strings; only the headers every message needs are
 * parsed now ({@link CoreHeaders}), the rest when someone asks.
 */
public final class MessageParser {
    private MessageParser() {
    }

    public static SipMessage parse(byte[] data, int offset, int length) throws MalformedMessageException {
        Objects.checkFromIndexSize(offset, length, data.length);
        int end = offset + length;
        int p = offset;
        // §7.5: CRLFs before the start line are ignored (keep-alives, stream padding)
        while (p < end && (data[p] == '\r' || data[p] == '\n')) p++;
        if (p == end) throw new MalformedMessageException("empty message", null);

        int eol = lineEnd(data, p, end);
        StartLine start = StartLine.parse(data, p, withoutCr(data, p, eol));
        String problem = start.problem();

        HeaderLines lines = new HeaderLines(16);
        int bodyStart = end;
        p = eol + 1;
        while (p < end) {
            eol = lineEnd(data, p, end);
            int textEnd = withoutCr(data, p, eol);
            if (textEnd == p) {
                bodyStart = Math.min(eol + 1, end);
                break;
            }
            int next = eol + 1;
            while (next < end && isWs(data[next])) next = lineEnd(data, next, end) + 1;
            if (isWs(data[p])) {
                problem = first(problem, "whitespace before the first header");
            } else {
                problem = first(problem, readHeader(data, p, textEnd, Math.min(next, end), end, lines));
            }
            p = next;
        }

        byte[] body;
        int available = end - Math.min(bodyStart, end);
        int bodyLength = available;
        int lengths = lines.count("Content-Length");
        if (lengths > 1) {
            problem = first(problem, "Content-Length given " + lengths + " times");
        } else if (lengths == 1) {
            try {
                long declared = Digits.parse("Content-Length", lines.value(lines.indexOf("Content-Length", 0)), Integer.MAX_VALUE);
                // §18.3: a datagram longer than Content-Length is cut to it; a shorter one is malformed
                if (declared > available) {
                    problem = first(problem, "Content-Length " + declared + " but the body has " + available + " bytes");
                } else {
                    bodyLength = (int) declared;
                }
            } catch (MalformedHeaderException e) {
                problem = first(problem, e.getMessage());
            }
        }
        body = bodyLength == 0 ? null : Arrays.copyOfRange(data, bodyStart, bodyStart + bodyLength);

        if (!start.isRequest()) {
            if (problem != null) throw new MalformedMessageException(problem, null);
            SipResponse response = new SipResponse(start.version(), start.status(), start.reason(), lines, body);
            problem = CoreHeaders.problem(response, null);
            if (problem != null) throw new MalformedMessageException(problem, null);
            return response;
        }
        if (!start.readable()) throw new MalformedMessageException(problem, null);
        SipRequest request = new SipRequest(start.method(), start.uri(), start.version(), lines, body);
        if (problem == null) problem = CoreHeaders.problem(request, request.method());
        if (problem == null) problem = requestUriProblem(request);
        if (problem != null) {
            throw new MalformedMessageException(problem, CoreHeaders.answerable(request) ? request : null);
        }
        return request;
    }

    /** The Request-URI is parsed now (and cached): any scheme will do, but not headers in a sip: URI (§19.1.1 table). */
    private static String requestUriProblem(SipRequest request) {
        try {
            SipUri uri = request.requestUri();
            return uri.isSip() && uri.headers() != null ? "Request-URI with headers (RFC 3261 §19.1.1)" : null;
        } catch (MalformedHeaderException e) {
            return e.getMessage();
        }
    }

    /**
     * One header, {@code name SWS ":" value} (§7.3.1), from {@code p} to {@code next} (which includes its
     * continuation lines). Folding is joined with one SP (§7.3.1). Returns a problem, or null.
     */
    private static String readHeader(byte[] data, int p, int textEnd, int next, int end, HeaderLines lines) {
        int nameEnd = p;
        while (nameEnd < textEnd && Token.isTokenChar(data[nameEnd])) nameEnd++;
        int colon = nameEnd;
        while (colon < textEnd && isWs(data[colon])) colon++;
        if (nameEnd == p || colon == textEnd || data[colon] != ':') {
            String line = new String(data, p, Math.min(textEnd - p, 40), StandardCharsets.ISO_8859_1);
            boolean anyColon = false;
            for (int i = p; i < textEnd && !anyColon; i++) anyColon = data[i] == ':';
            return (anyColon ? "bad header name in '" : "header line without a colon: '") + printable(line) + "'";
        }
        String name = HeaderNames.canonical(new String(data, p, nameEnd - p, StandardCharsets.ISO_8859_1));
        int eol = lineEnd(data, p, end);
        String value;
        if (eol + 1 >= next) {
            value = trimmed(data, colon + 1, textEnd);
        } else {
            StringBuilder sb = new StringBuilder(2 * (next - p));
            sb.append(trimmed(data, colon + 1, textEnd));
            for (int q = eol + 1; q < next; q = eol + 1) {
                eol = lineEnd(data, q, end);
                String part = trimmed(data, q, withoutCr(data, q, eol));
                if (part.isEmpty()) continue;
                if (!sb.isEmpty()) sb.append(' ');
                sb.append(part);
            }
            value = sb.toString();
        }
        lines.add(name, value);
        return null;
    }

    private static String trimmed(byte[] data, int from, int to) {
        while (from < to && isWs(data[from])) from++;
        while (to > from && isWs(data[to - 1])) to--;
        return from == to ? "" : new String(data, from, to - from, StandardCharsets.UTF_8);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return sb.toString();
    }

    /** The index of the LF ending the line that starts at {@code p}, or {@code end}. */
    private static int lineEnd(byte[] data, int p, int end) {
        for (int i = p; i < end; i++) {
            if (data[i] == '\n') return i;
        }
        return end;
    }

    /** Lines end in CRLF (§7); a bare LF is tolerated, so the CR is optional. */
    private static int withoutCr(byte[] data, int p, int eol) {
        return eol > p && data[eol - 1] == '\r' ? eol - 1 : eol;
    }

    private static boolean isWs(byte b) {
        return b == ' ' || b == '\t';
    }

    private static String first(String problem, String another) {
        return problem != null ? problem : another;
    }
}
