package org.hotdesk.sip.message;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Ordered parameters of a URI or a header value. Names compare case-insensitively (RFC 3261 §7.3.1,
 * §19.1.4); a value is null for a flag such as {@code ;lr}; a quoted-string value keeps its quotes so that
 * writing it back gives what was read. Immutable.
 */
public final class Params {
    public static final Params EMPTY = new Params(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;

    private Params(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    static Params of(String[] names, String[] values, int size) {
        return size == 0 ? EMPTY : new Params(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
    }

    /**
     * Header parameters: {@code *( SEMI generic-param )} with LWS allowed around ';' and '=' (RFC 3261 §25.1:
     * SEMI and EQUAL are SWS-padded). Reads to the end of the value.
     */
    static Params parseGeneric(ValueCursor c) {
        String[] names = new String[4];
        String[] values = new String[4];
        int size = 0;
        c.skipLws();
        while (!c.atEnd()) {
            c.expect(';', "';' before a parameter");
            c.skipLws();
            String name = c.token("a parameter name");
            c.skipLws();
            String value = null;
            if (c.tryConsume('=')) {
                c.skipLws();
                value = c.peek() == '"' ? c.quotedString() : c.bareValue(name);
                c.skipLws();
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }
        return of(names, values, size);
    }

    /** The value of the first parameter of that name; null when absent or a flag (use {@link #has}). */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    /** These parameters with {@code name} set to {@code value} (null = flag): replaced in place, or appended. */
    public Params with(String name, String value) {
        if (!Token.isToken(name)) throw new IllegalArgumentException("parameter name is not a token: " + name);
        if (value != null && !value.startsWith("\"")) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ';' || c <= ' ' || c == ',' || c == '?' || c == '>') {
                    throw new IllegalArgumentException("parameter " + name + " value needs quoting: " + value);
                }
            }
        }
        int i = indexOf(name);
        if (i >= 0) {
            String[] v = values.clone();
            v[i] = value;
            return new Params(names, v);
        }
        String[] n = Arrays.copyOf(names, names.length + 1);
        String[] v = Arrays.copyOf(values, values.length + 1);
        n[names.length] = name;
        v[values.length] = value;
        return new Params(n, v);
    }

    /** These parameters without any named {@code name}. */
    public Params without(String name) {
        if (indexOf(name) < 0) return this;
        String[] n = new String[names.length];
        String[] v = new String[names.length];
        int size = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) continue;
            n[size] = names[i];
            v[size++] = values[i];
        }
        return of(n, v, size);
    }

    /** Names as written, in order; a flag maps to null. Unmodifiable. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) map.putIfAbsent(names[i], values[i]);
        return Collections.unmodifiableMap(map);
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) return i;
        }
        return -1;
    }

    void appendTo(StringBuilder sb) {
        for (int i = 0; i < names.length; i++) {
            sb.append(';').append(names[i]);
            if (values[i] != null) sb.append('=').append(values[i]);
        }
    }

    /** The wire form, e.g. {@code ;branch=z9hG4bK1;rport}; empty when there are none. */
    @Override
    public String toString() {
        if (names.length == 0) return "";
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Params other) || other.names.length != names.length) return false;
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equalsIgnoreCase(other.names[i]) || !Objects.equals(values[i], other.values[i])) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < names.length; i++) {
            h = 31 * h + names[i].toLowerCase(Locale.ROOT).hashCode();
            h = 31 * h + Objects.hashCode(values[i]);
        }
        return h;
    }
}
