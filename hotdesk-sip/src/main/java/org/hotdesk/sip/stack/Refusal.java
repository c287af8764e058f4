package org.hotdesk.sip.stack;

/**
 * Every refusal the stack gives by itself, with its status and phrase, in one table: what a request that no
 * handler sees is told.
 */
public enum Refusal {
    /** The message breaks the grammar of RFC 3261 §25; the phrase names what (see the parser). */
    MALFORMED(400, "Bad Request"),
    /** A method this server knows but no handler takes (RFC 3261 §8.2.1), with an Allow header. */
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    /** A method this server does not know at all (RFC 3261 §8.2.1, RFC 4475 §3.3.4). */
    NOT_IMPLEMENTED(501, "Not Implemented"),
    /** A SIP version other than 2.0 (RFC 3261 §8.2.2.1 ... §21.5.7, RFC 4475 §3.3.6). */
    VERSION_NOT_SUPPORTED(505, "Version Not Supported"),
    /** A handler failed: the server's fault, not the sender's. */
    SERVER_ERROR(500, "Server error"),
    /** The workers' queues are full; the client may try again (RFC 3261 §21.5.4). */
    OVERLOADED(503, "Overloaded");

    private final int status;
    private final String phrase;

    Refusal(int status, String phrase) {
        this.status = status;
        this.phrase = phrase;
    }

    public int status() {
        return status;
    }

    public String phrase() {
        return phrase;
    }
}
