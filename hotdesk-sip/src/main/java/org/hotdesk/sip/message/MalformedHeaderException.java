package org.hotdesk.sip.message;

/**
 * A header value (or a URI, or the Request-URI) that does not follow its grammar. Unchecked: the parser
 * validates the headers every request needs, so reading them later cannot fail; this is thrown only when
 * code reads a header nobody validated yet, and the caller decides whether that deserves a 400.
 */
public final class MalformedHeaderException extends RuntimeException {
    private final String header;
    private final String detail;

    public MalformedHeaderException(String header, String detail) {
        super("Bad " + header + ": " + detail);
        this.header = header;
        this.detail = detail;
    }

    /** The header (or "Request-URI", "URI") whose value is malformed. */
    public String header() {
        return header;
    }

    /** What is wrong with it, without the header name. */
    public String detail() {
        return detail;
    }

    /** The same problem, named after the header the value came from. */
    MalformedHeaderException in(String otherHeader) {
        return otherHeader.equals(header) ? this : new MalformedHeaderException(otherHeader, detail);
    }
}
