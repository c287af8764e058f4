package org.hotdesk.sip.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A SIP message as text, parsed just enough for a test to read it. */
public record SipMessage(String startLine, List<Map.Entry<String, String>> headers, String body) {
    private static final Map<String, String> COMPACT = Map.of("v", "via", "f", "from", "t", "to", "i", "call-id",
            "m", "contact", "l", "content-length", "c", "content-type", "k", "supported", "e", "content-encoding");

    public static SipMessage parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) continue;
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.add(Map.entry(COMPACT.getOrDefault(name, name), lines[i].substring(colon + 1).trim()));
        }
        return new SipMessage(lines[0], headers, body);
    }

    public boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    public int status() {
        return isResponse() ? Integer.parseInt(startLine.split(" ")[1]) : 0;
    }

    public String reason() {
        return startLine.split(" ", 3)[2];
    }

    public String method() {
        return isResponse() ? cseqMethod() : startLine.split(" ")[0];
    }

    public String requestUri() {
        return startLine.split(" ")[1];
    }

    public String cseqMethod() {
        return header("CSeq").split(" ")[1];
    }

    public String header(String name) {
        return headerOpt(name).orElseThrow(() -> new AssertionError("no " + name + " in\n" + this));
    }

    public Optional<String> headerOpt(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.getKey().equals(n)).map(Map.Entry::getValue).findFirst();
    }

    public List<String> headers(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.getKey().equals(n)).map(Map.Entry::getValue).toList();
    }

    public String callId() {
        return header("Call-ID");
    }

    /** A parameter of a header value, e.g. {@code tag} of To, or {@code nonce} of WWW-Authenticate. */
    public static String param(String headerValue, String name) {
        Matcher m = Pattern.compile("(?i)[;,\\s]" + Pattern.quote(name) + "=(\"([^\"]*)\"|([^;,\\s>]+))").matcher(" " + headerValue);
        if (!m.find()) return null;
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        return b.append("\r\n").append(body).toString();
    }
}
