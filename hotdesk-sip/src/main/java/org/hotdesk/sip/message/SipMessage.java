package org.hotdesk.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * A SIP request or response (RFC 3261 §7): a start line, header lines in arrival order and a body.
 * Mutable and confined to one thread; {@link #copy()} gives an independent copy to forward.
 *
 * <p>Header values are kept as the strings that arrived. The typed views ({@link #topVia()}, {@link #from()},
 * ...) are parsed on first use and cached until the header is changed through this class. The parser has
 * already validated the headers every message needs, so on a parsed message those never throw.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {
    private static final byte[] NO_BODY = new byte[0];

    final HeaderLines lines;
    private byte[] body;

    private Via topVia;
    private List<Via> vias;
    private NameAddr from;
    private NameAddr to;
    private CSeq cseq;
    private List<NameAddr> contacts;
    private List<NameAddr> routes;
    private List<NameAddr> recordRoutes;

    SipMessage(HeaderLines lines, byte[] body) {
        this.lines = lines;
        this.body = body == null ? NO_BODY : body;
    }

    // ---- header lines -------------------------------------------------------------------------------------

    /** The value of the first line named {@code name} (any case, compact forms too), or null. */
    public String header(String name) {
        int i = lines.indexOf(HeaderNames.canonical(name), 0);
        return i < 0 ? null : lines.value(i);
    }

    /**
     * Every value of {@code name}: for list headers each line split at its separating commas (RFC 3261
     * §7.3.1); for others one value per line. {@code Contact: *} stays one value. Unmodifiable.
     */
    public List<String> headers(String name) {
        String canonical = HeaderNames.canonical(name);
        boolean list = HeaderNames.isList(canonical);
        List<String> out = new ArrayList<>(2);
        for (int i = lines.indexOf(canonical, 0); i >= 0; i = lines.indexOf(canonical, i + 1)) {
            if (list) TopLevelCommas.split(lines.value(i), out);
            else out.add(lines.value(i));
        }
        return Collections.unmodifiableList(out);
    }

    public boolean has(String name) {
        return lines.indexOf(HeaderNames.canonical(name), 0) >= 0;
    }

    /** Adds a line that becomes the first value of that name: before its first line, or at the top. */
    public void addFirst(String name, String value) {
        String canonical = checkedName(name);
        checkValue(canonical, value);
        int first = lines.indexOf(canonical, 0);
        lines.insert(first < 0 ? 0 : first, canonical, value);
        changed(canonical);
    }

    public void addLast(String name, String value) {
        String canonical = checkedName(name);
        checkValue(canonical, value);
        lines.add(canonical, value);
        changed(canonical);
    }

    /** Replaces every line of that name by one line: where the first was, or at the end when there was none. */
    public void set(String name, String value) {
        String canonical = checkedName(name);
        checkValue(canonical, value);
        int first = lines.indexOf(canonical, 0);
        if (first < 0) {
            lines.add(canonical, value);
        } else {
            lines.setValue(first, value);
            for (int i = lines.indexOf(canonical, first + 1); i >= 0; i = lines.indexOf(canonical, i)) lines.remove(i);
        }
        changed(canonical);
    }

    /** Removes every line of that name; returns how many there were. */
    public int removeAll(String name) {
        String canonical = HeaderNames.canonical(name);
        int removed = 0;
        for (int i = lines.indexOf(canonical, 0); i >= 0; i = lines.indexOf(canonical, i)) {
            lines.remove(i);
            removed++;
        }
        if (removed > 0) changed(canonical);
        return removed;
    }

    /**
     * Removes the first value of that name. For a list header written {@code Via: a, b} the line keeps
     * {@code b} (a proxy removing its own Via, RFC 3261 §16.7 step 3); otherwise the first line goes.
     */
    public boolean removeFirst(String name) {
        String canonical = HeaderNames.canonical(name);
        int i = lines.indexOf(canonical, 0);
        if (i < 0) return false;
        int comma = HeaderNames.isList(canonical) ? TopLevelCommas.next(lines.value(i), 0) : -1;
        if (comma < 0) {
            lines.remove(i);
        } else {
            lines.setValue(i, lines.value(i).substring(comma + 1).strip());
        }
        changed(canonical);
        return true;
    }

    /** The number of header lines, for walking them in arrival order with {@link #headerName} / {@link #headerValue}. */
    public int headerCount() {
        return lines.size();
    }

    /** The name of line {@code i}: compact forms expanded, known names in their usual spelling. */
    public String headerName(int i) {
        if (i < 0 || i >= lines.size()) throw new IndexOutOfBoundsException(i);
        return lines.name(i);
    }

    public String headerValue(int i) {
        if (i < 0 || i >= lines.size()) throw new IndexOutOfBoundsException(i);
        return lines.value(i);
    }

    /** How many lines carry that name (values of a combined line count once). */
    int lineCount(String name) {
        return lines.count(HeaderNames.canonical(name));
    }

    private static String checkedName(String name) {
        if (!Token.isToken(name)) throw new IllegalArgumentException("header name is not a token: '" + name + "'");
        return HeaderNames.canonical(name);
    }

    private static void checkValue(String name, String value) {
        if (value == null) throw new IllegalArgumentException("null value for " + name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') throw new IllegalArgumentException(name + " value holds a line break");
        }
    }

    /** Drops what was parsed from a header once its lines change. */
    private void changed(String canonical) {
        switch (canonical) {
            case "Via" -> {
                topVia = null;
                vias = null;
            }
            case "From" -> from = null;
            case "To" -> to = null;
            case "CSeq" -> cseq = null;
            case "Contact" -> contacts = null;
            case "Route" -> routes = null;
            case "Record-Route" -> recordRoutes = null;
            default -> { }
        }
    }

    // ---- body ---------------------------------------------------------------------------------------------

    /** The body, never null. The array itself, not a copy: do not modify it. */
    public byte[] body() {
        return body;
    }

    /**
     * Sets the body and its Content-Type (removed when {@code contentType} is null). Content-Length is set
     * to match; the writer computes it from the body in any case.
     */
    public void setBody(String contentType, byte[] body) {
        this.body = body == null ? NO_BODY : body;
        if (contentType == null) removeAll("Content-Type");
        else set("Content-Type", contentType);
        set("Content-Length", Integer.toString(this.body.length));
    }

    public String contentType() {
        return header("Content-Type");
    }

    // ---- typed views --------------------------------------------------------------------------------------

    public Via topVia() {
        if (topVia == null) {
            int i = lines.indexOf("Via", 0);
            if (i < 0) return null;
            topVia = Via.parse("Via", TopLevelCommas.first(lines.value(i)));
        }
        return topVia;
    }

    public List<Via> vias() {
        if (vias == null) {
            List<Via> parsed = new ArrayList<>();
            for (String v : headers("Via")) parsed.add(Via.parse("Via", v));
            vias = Collections.unmodifiableList(parsed);
        }
        return vias;
    }

    public NameAddr from() {
        if (from == null) from = nameAddr("From");
        return from;
    }

    public NameAddr to() {
        if (to == null) to = nameAddr("To");
        return to;
    }

    private NameAddr nameAddr(String name) {
        String v = header(name);
        return v == null ? null : NameAddr.parse(name, v);
    }

    public String callId() {
        return header("Call-ID");
    }

    public CSeq cseq() {
        if (cseq == null) {
            String v = header("CSeq");
            if (v == null) return null;
            cseq = CSeq.parse(v);
        }
        return cseq;
    }

    /** Max-Forwards (RFC 3261 §20.22), -1 when absent. */
    public int maxForwards() {
        String v = header("Max-Forwards");
        return v == null ? -1 : (int) Digits.parse("Max-Forwards", v, 255);
    }

    /** Contact values; {@code Contact: *} is one wildcard NameAddr. Unmodifiable. */
    public List<NameAddr> contacts() {
        if (contacts == null) contacts = nameAddrs("Contact");
        return contacts;
    }

    /**
     * The Expires header (RFC 3261 §20.19: 0..2**32-1 seconds); values above {@code Integer.MAX_VALUE}
     * (68 years) are read as {@code Integer.MAX_VALUE}.
     */
    public OptionalInt expires() {
        String v = header("Expires");
        if (v == null) return OptionalInt.empty();
        return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, Digits.parse("Expires", v, 0xFFFF_FFFFL)));
    }

    public List<NameAddr> routes() {
        if (routes == null) routes = nameAddrs("Route");
        return routes;
    }

    public List<NameAddr> recordRoutes() {
        if (recordRoutes == null) recordRoutes = nameAddrs("Record-Route");
        return recordRoutes;
    }

    private List<NameAddr> nameAddrs(String name) {
        List<String> values = headers(name);
        List<NameAddr> parsed = new ArrayList<>(values.size());
        for (String v : values) parsed.add(NameAddr.parse(name, v));
        return Collections.unmodifiableList(parsed);
    }

    /** Gives a copy the typed values already parsed: they are immutable, so sharing them is safe. */
    void copyParsedTo(SipMessage other) {
        other.topVia = topVia;
        other.vias = vias;
        other.from = from;
        other.to = to;
        other.cseq = cseq;
        other.contacts = contacts;
        other.routes = routes;
        other.recordRoutes = recordRoutes;
    }

    /** Gives a response built from a request the parsed values of the headers it copied (§8.2.6.2). */
    void shareDialogHeadersWith(SipMessage response) {
        response.topVia = topVia;
        response.vias = vias;
        response.from = from;
        response.to = to;
        response.cseq = cseq;
    }

    // ---- wire form ----------------------------------------------------------------------------------------

    public abstract SipMessage copy();

    abstract void appendStartLine(StringBuilder sb);

    /** The wire form: CRLF line ends, {@code Name: value}, Content-Length last and computed from the body. */
    public byte[] toBytes() {
        return MessageWriter.write(this);
    }

    /** The wire form as text, for debug logs. */
    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }
}
