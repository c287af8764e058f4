package org.hotdesk.sip.message;

/** A response (RFC 3261 §7.2): version, status code, reason phrase, headers, body. */
public final class SipResponse extends SipMessage {
    private static final String[] COPIED = {"From", "To", "Call-ID", "CSeq", "Timestamp"};

    private final String version;
    private final int status;
    private String reason;

    SipResponse(String version, int status, String reason, HeaderLines lines, byte[] body) {
        super(lines, body);
        this.version = version;
        this.status = status;
        this.reason = reason;
    }

    /**
     * A response to {@code request} (RFC 3261 §8.2.6.2): every Via line, then From, To, Call-ID and CSeq
     * (and Timestamp, §8.2.6.1) as the request has them. Adding the To tag is the caller's job (the tag
     * identifies the dialog, which only the transaction user knows). {@code reason} null = the standard phrase.
     */
    public static SipResponse to(SipRequest request, int status, String reason) {
        SipResponse response = create(status, reason);
        HeaderLines from = request.lines;
        for (int i = from.indexOf("Via", 0); i >= 0; i = from.indexOf("Via", i + 1)) response.lines.add("Via", from.value(i));
        for (String name : COPIED) {
            int i = from.indexOf(name, 0);
            if (i >= 0) response.lines.add(name, from.value(i));
        }
        request.shareDialogHeadersWith(response);
        return response;
    }

    /** A SIP/2.0 response with no headers; {@code reason} null = the standard phrase. */
    public static SipResponse create(int status, String reason) {
        if (status < 100 || status > 699) throw new IllegalArgumentException("status out of 100..699: " + status);
        return new SipResponse("SIP/2.0", status, checkedReason(reason, status), new HeaderLines(12), null);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = checkedReason(reason, status);
    }

    /** The SIP-Version as written, e.g. "SIP/2.0". */
    public String version() {
        return version;
    }

    private static String checkedReason(String reason, int status) {
        if (reason == null) return StatusPhrases.of(status);
        if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reason phrase holds a line break");
        }
        return reason;
    }

    @Override
    public SipResponse copy() {
        SipResponse copy = new SipResponse(version, status, reason, lines.copy(), body().clone());
        copyParsedTo(copy);
        return copy;
    }

    @Override
    void appendStartLine(StringBuilder sb) {
        sb.append(version).append(' ').append(status).append(' ').append(reason).append("\r\n");
    }
}
