package org.hotdesk.sip.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credentials or a challenge (Authorization, Proxy-Authorization, WWW-Authenticate, Proxy-Authenticate;
 * RFC 3261 §20.7, §25.1; RFC 2617 §1.2): a scheme and comma-separated {@code name=value} auth-params.
 * Quoted values are unquoted (a quoted value may hold commas, e.g. {@code qop="auth,auth-int"}). Names keep
 * their spelling; {@link #get} ignores case. A token68 form such as Basic's is not supported.
 */
public record AuthHeader(String scheme, Map<String, String> params) {

    public AuthHeader {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static AuthHeader parse(String value) {
        return parse("Authorization", value);
    }

    static AuthHeader parse(String header, String value) {
        if (value == null) throw new MalformedHeaderException(header, "no value");
        ValueCursor c = new ValueCursor(header, value);
        c.skipLws();
        String scheme = c.token("an authentication scheme");
        Map<String, String> params = new LinkedHashMap<>();
        int afterScheme = c.position();
        c.skipLws();
        if (!c.atEnd() && c.position() == afterScheme) throw c.error("expected whitespace after the scheme");
        while (!c.atEnd()) {
            String name = c.token("an auth-param name");
            c.skipLws();
            c.expect('=', "'=' after " + name);
            c.skipLws();
            String v = c.peek() == '"' ? ValueCursor.unquote(c.quotedString()) : c.bareValue(name);
            if (params.putIfAbsent(name, v) != null) throw c.error("auth-param " + name + " given twice");
            c.skipLws();
            if (c.atEnd()) break;
            c.expect(',', "',' between auth-params");
            c.skipLws();
        }
        return new AuthHeader(scheme, params);
    }

    /** The (unquoted) value of an auth-param, name compared case-insensitively; null when absent. */
    public String get(String name) {
        String exact = params.get(name);
        if (exact != null) return exact;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }
}
