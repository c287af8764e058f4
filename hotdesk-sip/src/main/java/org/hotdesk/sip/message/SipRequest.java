package org.hotdesk.sip.message;

/** A request (RFC 3261 §7.1): method, Request-URI, version, headers, body. */
public final class SipRequest extends SipMessage {
    private final String method;
    private final String version;
    private String requestUriText;
    private SipUri requestUri;

    SipRequest(String method, String requestUriText, String version, HeaderLines lines, byte[] body) {
        super(lines, body);
        this.method = method;
        this.requestUriText = requestUriText;
        this.version = version;
    }

    /** A request with version SIP/2.0 and no headers. */
    public static SipRequest create(String method, SipUri requestUri) {
        if (!Token.isToken(method)) throw new IllegalArgumentException("method is not a token: '" + method + "'");
        SipRequest request = new SipRequest(method, requestUri.toString(), "SIP/2.0", new HeaderLines(12), null);
        request.requestUri = requestUri;
        return request;
    }

    public String method() {
        return method;
    }

    /** The Request-URI, parsed on first use; MalformedHeaderException("Request-URI") when it is not a URI. */
    public SipUri requestUri() {
        if (requestUri == null) requestUri = SipUri.parse("Request-URI", requestUriText);
        return requestUri;
    }

    /** The Request-URI as written. */
    public String requestUriText() {
        return requestUriText;
    }

    public void setRequestUri(SipUri uri) {
        requestUri = uri;
        requestUriText = uri.toString();
    }

    /** The SIP-Version as written, e.g. "SIP/2.0". */
    public String version() {
        return version;
    }

    /** Whether To has a tag: the request belongs to a dialog (RFC 3261 §12.2.2). */
    public boolean inDialog() {
        NameAddr to = to();
        return to != null && to.tag() != null;
    }

    @Override
    public SipRequest copy() {
        SipRequest copy = new SipRequest(method, requestUriText, version, lines.copy(), body().clone());
        copy.requestUri = requestUri;
        copyParsedTo(copy);
        return copy;
    }

    @Override
    void appendStartLine(StringBuilder sb) {
        sb.append(method).append(' ').append(requestUriText).append(' ').append(version).append("\r\n");
    }
}
