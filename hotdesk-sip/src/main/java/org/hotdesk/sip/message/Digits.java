package org.hotdesk.sip.message;

/**
 * A header whose whole value is {@code 1*DIGIT} with a maximum: Max-Forwards (RFC 3261 §20.22, 0..255),
 * Expires (§20.19, 0..2**32-1), Content-Length (§20.14). Leading zeros are allowed (RFC 4475 §3.1.1.1).
 */
final class Digits {
    private Digits() {
    }

    static long parse(String header, String value, long max) {
        String v = value.strip();
        if (v.isEmpty()) throw new MalformedHeaderException(header, "empty value");
        int start = 0;
        while (start < v.length() - 1 && v.charAt(start) == '0') start++;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') throw new MalformedHeaderException(header, "'" + SipUri.clip(v) + "' is not a number");
        }
        if (v.length() - start > 18) throw new MalformedHeaderException(header, "value too large");
        long n = Long.parseLong(v, start, v.length(), 10);
        if (n > max) throw new MalformedHeaderException(header, n + " is above " + max);
        return n;
    }
}
