package org.hotdesk.sip.message;

import java.util.Locale;

/**
 * One via-parm (RFC 3261 §20.42, §25.1): {@code SIP/2.0/UDP host:port;branch=...}. LWS is allowed around the
 * slashes and the colon (RFC 4475 §3.1.1.1). {@code protocol} is name/version as "SIP/2.0"; {@code transport}
 * is upper-cased; {@code host} keeps the brackets of an IPv6 reference; {@code port} is -1 when absent.
 */
public record Via(String protocol, String transport, String host, int port, Params params) {

    public Via {
        if (params == null) params = Params.EMPTY;
    }

    public static Via parse(String value) {
        return parse("Via", value);
    }

    static Via parse(String header, String value) {
        if (value == null) throw new MalformedHeaderException(header, "no value");
        ValueCursor c = new ValueCursor(header, value);
        c.skipLws();
        if (c.atEnd()) throw c.error("empty value");
        String name = c.token("protocol name");
        c.skipLws();
        c.expect('/', "'/' after " + name);
        c.skipLws();
        String version = c.token("protocol version");
        c.skipLws();
        c.expect('/', "'/' before the transport");
        c.skipLws();
        String transport = c.token("transport").toUpperCase(Locale.ROOT);
        int beforeHost = c.position();
        c.skipLws();
        if (c.position() == beforeHost) throw c.error("expected whitespace before the sent-by host");
        String host = host(c);
        c.skipLws();
        int port = -1;
        if (c.tryConsume(':')) {
            c.skipLws();
            port = port(c);
        }
        Params params = Params.parseGeneric(c);
        return new Via(name + "/" + version, transport, host, port, params);
    }

    private static String host(ValueCursor c) {
        String text = c.text();
        int start = c.position();
        int p = start;
        if (c.peek() == '[') {
            p = text.indexOf(']', start);
            if (p < 0) throw c.error("unclosed IPv6 reference");
            for (int i = start + 1; i < p; i++) {
                char ch = text.charAt(i);
                if (Character.digit(ch, 16) < 0 && ch != ':' && ch != '.') throw c.error("character " + SipUri.describe(ch) + " in IPv6 reference");
            }
            p++;
        } else {
            while (p < text.length()) {
                char ch = text.charAt(p);
                if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_') {
                    p++;
                } else {
                    break;
                }
            }
            if (p == start) throw c.error("expected the sent-by host" + (c.atEnd() ? " at the end" : ""));
        }
        c.skip(p - start);
        return text.substring(start, p);
    }

    private static int port(ValueCursor c) {
        String text = c.text();
        int start = c.position();
        int p = start;
        while (p < text.length() && text.charAt(p) >= '0' && text.charAt(p) <= '9') p++;
        if (p == start || p - start > 5) throw c.error("bad sent-by port");
        int port = Integer.parseInt(text, start, p, 10);
        if (port > 65535) throw c.error("port " + port + " out of range");
        c.skip(p - start);
        return port;
    }

    /** The branch parameter (§8.1.1.7), or null. */
    public String branch() {
        return params.get("branch");
    }

    /** The received parameter (§18.2.1), or null. */
    public String received() {
        return params.get("received");
    }

    /** The rport parameter is present, with or without a value (RFC 3581 §4). */
    public boolean hasRport() {
        return params.has("rport");
    }

    /** The value of rport (RFC 3581 §4: filled in by the server); -1 when it has none, is absent or is not a port. */
    public int rport() {
        String v = params.get("rport");
        if (v == null || v.isEmpty() || v.length() > 5) return -1;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') return -1;
        }
        int port = Integer.parseInt(v);
        return port <= 65535 ? port : -1;
    }

    /** This Via with {@code param} set ({@code value} null = a flag such as rport). */
    public Via with(String param, String value) {
        return new Via(protocol, transport, host, port, params.with(param, value));
    }

    /** The wire form. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64).append(protocol).append('/').append(transport).append(' ').append(host);
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        return sb.toString();
    }
}
