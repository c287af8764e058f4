package org.hotdesk.sip.message;

/**
 * The value of From, To, Contact, Route, Record-Route or Path: a name-addr ({@code "Name" <uri>;params}) or
 * an addr-spec ({@code uri;params}) followed by header parameters (RFC 3261 §20.10, §25.1). In the addr-spec
 * form every ';' starts a header parameter, so {@code sip:a@b;tag=x} has tag=x as a header parameter.
 *
 * <p>{@code displayName} is kept as written (quotes included when quoted; see {@link #displayText()});
 * {@code uriText} is the URI as written, parsed only by {@link #uri()}. {@code Contact: *} is the wildcard.
 */
public record NameAddr(String displayName, String uriText, Params params, boolean wildcard) {
    private static final NameAddr WILDCARD = new NameAddr(null, "*", Params.EMPTY, true);

    public NameAddr {
        if (params == null) params = Params.EMPTY;
        if (uriText == null || uriText.isEmpty()) throw new IllegalArgumentException("a name-addr needs a URI");
    }

    public static NameAddr parse(String value) {
        return parse("name-addr", value);
    }

    static NameAddr parse(String header, String value) {
        if (value == null) throw new MalformedHeaderException(header, "no value");
        ValueCursor c = new ValueCursor(header, value);
        c.skipLws();
        if (c.atEnd()) throw new MalformedHeaderException(header, "empty value");
        if (value.strip().equals("*")) return WILDCARD;
        String displayName = null;
        String uriText;
        if (c.peek() == '"') {
            displayName = c.quotedString();
            c.skipLws();
            if (c.peek() != '<') throw c.error("expected '<' after the quoted display name");
            uriText = bracketed(c);
        } else {
            int start = c.position();
            int lt = openingBracket(value, start);
            if (lt >= 0) {
                String name = value.substring(start, lt).strip();
                if (!name.isEmpty()) {
                    checkUnquotedDisplayName(c, name);
                    displayName = name;
                }
                c.skip(lt - start);
                uriText = bracketed(c);
            } else {
                uriText = addrSpec(c);
            }
        }
        return new NameAddr(displayName, uriText, Params.parseGeneric(c), false);
    }

    /** The index of the '<' opening a name-addr, when one comes before any ';' or quote; else -1. */
    private static int openingBracket(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '<') return i;
            if (c == ';' || c == '"') return -1;
        }
        return -1;
    }

    /** An unquoted display-name is {@code *(token LWS)} (§25.1): commas and the like must be quoted (RFC 4475 §3.1.2.15). */
    private static void checkUnquotedDisplayName(ValueCursor c, String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!Token.isTokenChar(ch) && ch != ' ' && ch != '\t') {
                throw c.error("display name with " + SipUri.describe(ch) + " must be quoted");
            }
        }
    }

    /** {@code "<" addr-spec ">"}: no LWS inside the brackets (§25.1 LAQUOT / RAQUOT; RFC 4475 §3.1.2.14). */
    private static String bracketed(ValueCursor c) {
        c.expect('<', "'<'");
        int start = c.position();
        String text = c.text();
        int gt = text.indexOf('>', start);
        if (gt < 0) throw c.error("missing '>'");
        String uri = text.substring(start, gt);
        if (uri.isEmpty()) throw c.error("empty URI inside <>");
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) <= ' ') throw c.error("whitespace or control character inside <>");
        }
        checkScheme(c, uri);
        c.skip(gt + 1 - start);
        return uri;
    }

    /** An addr-spec without brackets ends at the first ';' (a header parameter) or LWS (§20.10). */
    private static String addrSpec(ValueCursor c) {
        String text = c.text();
        int start = c.position();
        int end = start;
        while (end < text.length()) {
            char ch = text.charAt(end);
            if (ch == ';' || ch == ' ' || ch == '\t') break;
            if (ch == '?' || ch == ',') {
                throw c.error("a URI with '" + ch + "' must be enclosed in <> (RFC 3261 §20.10)");
            }
            if (ch == '>' || ch == '"' || ch < ' ') throw c.error("character " + SipUri.describe(ch) + " in URI");
            end++;
        }
        String uri = text.substring(start, end);
        checkScheme(c, uri);
        c.skip(end - start);
        return uri;
    }

    private static void checkScheme(ValueCursor c, String uri) {
        if (SipUri.schemeEnd(uri) < 0) throw c.error("'" + SipUri.clip(uri) + "' is not a URI");
    }

    public static NameAddr of(SipUri uri) {
        return new NameAddr(null, uri.toString(), Params.EMPTY, false);
    }

    /** The URI, parsed on each call (a record holds no cache); MalformedHeaderException when it is not a URI. */
    public SipUri uri() {
        if (wildcard) throw new IllegalStateException("Contact: * has no URI");
        return SipUri.parse(uriText);
    }

    /** The display name without quotes and escapes; null when there is none. */
    public String displayText() {
        return displayName == null ? null : ValueCursor.unquote(displayName);
    }

    public String tag() {
        return params.get("tag");
    }

    public NameAddr withTag(String tag) {
        return withParam("tag", tag);
    }

    public NameAddr withParam(String name, String value) {
        if (wildcard) throw new IllegalStateException("Contact: * takes no parameters");
        return new NameAddr(displayName, uriText, params.with(name, value), false);
    }

    public boolean isWildcard() {
        return wildcard;
    }

    /** Always the name-addr form with <>, so URI parameters are never read back as header parameters. */
    @Override
    public String toString() {
        if (wildcard) return "*";
        StringBuilder sb = new StringBuilder(uriText.length() + 32);
        if (displayName != null) sb.append(displayName).append(' ');
        sb.append('<').append(uriText).append('>');
        params.appendTo(sb);
        return sb.toString();
    }
}
