package org.hotdesk.sip.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A sip: or sips: URI (RFC 3261 §19.1): {@code sip:user:password@host:port;params?headers}. Other schemes
 * (tel:, http:, RFC 4475 §3.3.2's unknown ones) keep only the scheme and the {@code opaque} text after the
 * colon; their other components are null, -1 or empty. The user part and parameters are kept escaped as
 * written; {@link #decodedUser()} resolves the escapes. The scheme is stored lower-case (§19.1.4).
 *
 * <p>Equality is that of the components, not the URI comparison rules of §19.1.4.
 */
public record SipUri(String scheme, String user, String password, String host, int port, Params params, String headers,
                     String opaque) {

    public SipUri {
        if (scheme == null || scheme.isEmpty()) throw new IllegalArgumentException("a URI needs a scheme");
        if (params == null) params = Params.EMPTY;
    }

    public static SipUri parse(String text) {
        return parse("URI", text);
    }

    static SipUri parse(String header, String text) {
        if (text == null || text.isEmpty()) throw new MalformedHeaderException(header, "empty URI");
        int colon = schemeEnd(text);
        if (colon < 0) throw new MalformedHeaderException(header, "no URI scheme in '" + clip(text) + "'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // §19.1.1 / §25.1: none of these may appear unescaped in a URI; LWS means the URI ended early
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"') {
                throw new MalformedHeaderException(header,
                        (c == ' ' || c == '\t' ? "whitespace" : "character " + describe(c)) + " inside URI '" + clip(text) + "'");
            }
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            if (colon + 1 == text.length()) throw new MalformedHeaderException(header, "nothing after " + scheme + ":");
            return new SipUri(scheme, null, null, null, -1, Params.EMPTY, null, text.substring(colon + 1));
        }
        return parseSip(header, text, scheme, colon + 1);
    }

    /** The index of the colon ending a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), or -1. */
    static int schemeEnd(String text) {
        if (text.isEmpty() || !isAlpha(text.charAt(0))) return -1;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') return i;
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return -1;
        }
        return -1;
    }

    private static SipUri parseSip(String header, String text, String scheme, int start) {
        String user = null;
        String password = null;
        // user and password cannot hold an unescaped '@' (§25.1 user-unreserved), so the first one ends them
        int at = text.indexOf('@', start);
        int p = start;
        if (at >= 0) {
            int colon = text.indexOf(':', start);
            if (colon >= 0 && colon < at) {
                user = text.substring(start, colon);
                password = text.substring(colon + 1, at);
                checkEscapes(header, password, "password");
            } else {
                user = text.substring(start, at);
            }
            if (user.isEmpty()) throw new MalformedHeaderException(header, "empty user part in '" + clip(text) + "'");
            checkEscapes(header, user, "user part");
            p = at + 1;
        }
        int hostStart = p;
        if (p < text.length() && text.charAt(p) == '[') {
            int close = text.indexOf(']', p);
            if (close < 0) throw new MalformedHeaderException(header, "unclosed IPv6 reference in '" + clip(text) + "'");
            for (int i = p + 1; i < close; i++) {
                char c = text.charAt(i);
                if (!isHex(c) && c != ':' && c != '.') {
                    throw new MalformedHeaderException(header, "character " + describe(c) + " in IPv6 reference");
                }
            }
            p = close + 1;
        } else {
            while (p < text.length()) {
                char c = text.charAt(p);
                if (c == ':' || c == ';' || c == '?') break;
                if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.' && c != '_') {
                    throw new MalformedHeaderException(header, "character " + describe(c) + " in host of '" + clip(text) + "'");
                }
                p++;
            }
        }
        if (p == hostStart) throw new MalformedHeaderException(header, "no host in '" + clip(text) + "'");
        String host = text.substring(hostStart, p);
        int port = -1;
        if (p < text.length() && text.charAt(p) == ':') {
            int portStart = ++p;
            while (p < text.length() && text.charAt(p) >= '0' && text.charAt(p) <= '9') p++;
            port = port(header, text, portStart, p);
        }
        Params params = Params.EMPTY;
        if (p < text.length() && text.charAt(p) == ';') {
            int q = text.indexOf('?', p);
            int paramsEnd = q < 0 ? text.length() : q;
            params = uriParams(header, text, p, paramsEnd);
            p = paramsEnd;
        }
        String headers = null;
        if (p < text.length()) {
            if (text.charAt(p) != '?') {
                throw new MalformedHeaderException(header, "character " + describe(text.charAt(p)) + " after host in '" + clip(text) + "'");
            }
            headers = text.substring(p + 1);
            if (headers.isEmpty()) throw new MalformedHeaderException(header, "empty headers after '?'");
        }
        return new SipUri(scheme, user, password, host, port, params, headers, null);
    }

    private static int port(String header, String text, int start, int end) {
        if (end == start || end - start > 5) throw new MalformedHeaderException(header, "bad port in '" + clip(text) + "'");
        int port = Integer.parseInt(text, start, end, 10);
        if (port > 65535) throw new MalformedHeaderException(header, "port " + port + " out of range");
        return port;
    }

    /** {@code *( ";" pname [ "=" pvalue ] )} between {@code start} (a ';') and {@code end} (§19.1.1, §25.1). */
    private static Params uriParams(String header, String text, int start, int end) {
        String[] names = new String[4];
        String[] values = new String[4];
        int size = 0;
        int p = start;
        while (p < end) {
            int next = text.indexOf(';', p + 1);
            if (next < 0 || next > end) next = end;
            int eq = text.indexOf('=', p + 1);
            String name;
            String value = null;
            if (eq >= 0 && eq < next) {
                name = text.substring(p + 1, eq);
                value = text.substring(eq + 1, next);
                if (value.isEmpty()) throw new MalformedHeaderException(header, "URI parameter " + name + " has an empty value");
            } else {
                name = text.substring(p + 1, next);
            }
            if (name.isEmpty()) throw new MalformedHeaderException(header, "empty URI parameter name in '" + clip(text) + "'");
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
            p = next;
        }
        return Params.of(names, values, size);
    }

    private static void checkEscapes(String header, String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%' && (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2)))) {
                throw new MalformedHeaderException(header, "bad %-escape in " + what + " '" + clip(s) + "'");
            }
        }
    }

    /** A sip: URI; {@code user} may be null, {@code port} -1 for none. */
    public static SipUri sip(String user, String host, int port) {
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("a sip: URI needs a host");
        return new SipUri("sip", user, null, host, port, Params.EMPTY, null, null);
    }

    /** sip or sips: the URI has user, host, port and params; otherwise only {@link #opaque}. */
    public boolean isSip() {
        return opaque == null;
    }

    /** The transport parameter, lower-case, or null (RFC 3261 §19.1.1). */
    public String transportParam() {
        String t = params.get("transport");
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }

    /** The lr parameter: the element this URI names is a loose router (RFC 3261 §16.4, §19.1.1). */
    public boolean looseRoute() {
        return params.has("lr");
    }

    /** The user part with its %-escapes resolved (RFC 3261 §19.1.2), read as UTF-8; null when there is none. */
    public String decodedUser() {
        if (user == null || user.indexOf('%') < 0) return user;
        ByteArrayOutputStream out = new ByteArrayOutputStream(user.length());
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == '%' && i + 2 < user.length() && isHex(user.charAt(i + 1)) && isHex(user.charAt(i + 2))) {
                out.write(Character.digit(user.charAt(i + 1), 16) * 16 + Character.digit(user.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public SipUri withHost(String host, int port) {
        requireSip();
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("a sip: URI needs a host");
        return new SipUri(scheme, user, password, host, port, params, headers, null);
    }

    public SipUri withUser(String user) {
        requireSip();
        return new SipUri(scheme, user, password, host, port, params, headers, null);
    }

    public SipUri withParam(String name, String value) {
        requireSip();
        return new SipUri(scheme, user, password, host, port, params.with(name, value), headers, null);
    }

    private void requireSip() {
        if (!isSip()) throw new IllegalStateException(scheme + ": URI has no SIP components");
    }

    /** The wire form. */
    @Override
    public String toString() {
        if (!isSip()) return scheme + ":" + opaque;
        StringBuilder sb = new StringBuilder(48).append(scheme).append(':');
        if (user != null) {
            sb.append(user);
            if (password != null) sb.append(':').append(password);
            sb.append('@');
        }
        sb.append(host);
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        if (headers != null) sb.append('?').append(headers);
        return sb.toString();
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static String describe(char c) {
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
