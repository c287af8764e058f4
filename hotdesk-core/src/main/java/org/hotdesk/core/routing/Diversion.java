package org.hotdesk.core.routing;

/**
 * One forwarding step a call has taken (RFC 5806 Diversion): who forwarded it and why. The far end (a voicemail
 * server, the carrier) reads from it whose mailbox or whose number the call was meant for.
 *
 * @param extension the person who forwarded it
 * @param reason    RFC 5806 §4: {@code unconditional}, {@code user-busy}, {@code no-answer} or {@code unavailable}
 */
public record Diversion(String extension, String reason) {
    public static final String UNCONDITIONAL = "unconditional";
    public static final String BUSY = "user-busy";
    public static final String NO_ANSWER = "no-answer";
    public static final String UNAVAILABLE = "unavailable";
}
