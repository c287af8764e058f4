package org.hotdesk.sip.message;

/**
 * A message that cannot be accepted as it is. When it is a request whose Via, From, To, Call-ID and CSeq
 * could still be read, {@link #request()} holds it, so the caller can answer 400 (RFC 3261 §8.2, §16.3);
 * otherwise there is nobody to answer and the message is dropped.
 */
public final class MalformedMessageException extends Exception {
    /** A reason phrase is one line of a response; keep it short enough to be read in a trace. */
    private static final int MAX_REASON = 100;

    private final String reason;
    private final transient SipRequest request;

    public MalformedMessageException(String reason, SipRequest request) {
        super(shorten(reason));
        this.reason = shorten(reason);
        this.request = request;
    }

    /** Short, names what is wrong; fit for a 400 reason phrase (no CR or LF, at most 100 characters). */
    public String reason() {
        return reason;
    }

    /** The request as far as it could be read, or null when it cannot be answered. */
    public SipRequest request() {
        return request;
    }

    private static String shorten(String reason) {
        String oneLine = reason.replace('\r', ' ').replace('\n', ' ');
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON - 3) + "...";
    }
}
