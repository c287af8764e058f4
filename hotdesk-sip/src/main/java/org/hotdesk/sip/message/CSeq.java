package org.hotdesk.sip.message;

/**
 * {@code CSeq: number method} (RFC 3261 §20.16). The number must be below 2**31 (§8.1.1.5); RFC 4475
 * §3.1.2.4 / §3.1.2.5 send larger ones to check a parser refuses them rather than overflow.
 */
public record CSeq(long number, String method) {
    private static final long MAX = (1L << 31) - 1;

    public CSeq {
        if (number < 0 || number > MAX) throw new IllegalArgumentException("CSeq number out of range: " + number);
        if (!Token.isToken(method)) throw new IllegalArgumentException("CSeq method is not a token: " + method);
    }

    public static CSeq parse(String value) {
        if (value == null) throw new MalformedHeaderException("CSeq", "no value");
        ValueCursor c = new ValueCursor("CSeq", value);
        c.skipLws();
        String text = c.text();
        int start = c.position();
        int p = start;
        while (p < text.length() && text.charAt(p) >= '0' && text.charAt(p) <= '9') p++;
        if (p == start) throw c.error("expected a sequence number");
        // skip leading zeros so "0009" (RFC 4475 §3.1.1.1) is read, and compare lengths before parsing
        int digits = start;
        while (digits < p - 1 && text.charAt(digits) == '0') digits++;
        if (p - digits > 10) throw c.error("sequence number out of range");
        long number = Long.parseLong(text, digits, p, 10);
        if (number > MAX) throw c.error("sequence number out of range");
        c.skip(p - start);
        int beforeMethod = c.position();
        c.skipLws();
        if (c.position() == beforeMethod) throw c.error("expected whitespace before the method");
        String method = c.token("a method");
        c.skipLws();
        if (!c.atEnd()) throw c.error("unexpected text after the method");
        return new CSeq(number, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
